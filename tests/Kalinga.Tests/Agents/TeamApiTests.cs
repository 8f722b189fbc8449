using System.Net;
using System.Net.Http.Json;
using Kalinga.Agents;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Agents;

public sealed class TeamApiTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_creates_a_team_and_sets_its_members()
    {
        var admin = await app.ClientAsync();
        var created = await admin.PostAsync("/api/v1/teams", new { name = "Orders & Billing", description = "Invoices, refunds, deliveries" });
        var team = await created.ReadAsync<TeamDetails>(HttpStatusCode.Created);
        var liza = await admin.CreateAgentAsync("liza@lumen.test");
        var kasia = await admin.CreateAgentAsync("kasia@lumen.test");

        var staffed = await (await admin.PutAsJsonAsync($"/api/v1/teams/{team.Id}/members", new { agentIds = new[] { liza.Id, kasia.Id } }, Api.Json, Ct))
            .ReadAsync<TeamDetails>();

        Assert.Equal($"/api/v1/teams/{team.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(["Agent kasia", "Agent liza"], staffed.Members.Select(m => m.Name));
        var listed = Assert.Single(await admin.GetAsync<List<TeamSummary>>("/api/v1/teams"), t => t.Id == team.Id);
        Assert.Equal(2, listed.MemberCount);
        Assert.Equal("Invoices, refunds, deliveries", listed.Description);
        Assert.Equal("Orders & Billing", Assert.Single((await admin.GetAsync<AgentView>($"/api/v1/agents/{liza.Id}")).Teams).Name);

        var shrunk = await (await admin.PutAsJsonAsync($"/api/v1/teams/{team.Id}/members", new { agentIds = new[] { kasia.Id } }, Api.Json, Ct))
            .ReadAsync<TeamDetails>();

        Assert.Equal(kasia.Id, Assert.Single(shrunk.Members).Id);
        Assert.Empty((await admin.GetAsync<AgentView>($"/api/v1/agents/{liza.Id}")).Teams);
    }

    [Fact]
    public async Task Team_names_are_unique_ignoring_case()
    {
        var admin = await app.ClientAsync();
        await (await admin.PostAsync("/api/v1/teams", new { name = "Obsługa Klienta" })).ReadAsync<TeamDetails>(HttpStatusCode.Created);
        var other = await (await admin.PostAsync("/api/v1/teams", new { name = "Technical Service" })).ReadAsync<TeamDetails>(HttpStatusCode.Created);

        var duplicate = await (await admin.PostAsync("/api/v1/teams", new { name = "OBSŁUGA KLIENTA" })).ProblemAsync(HttpStatusCode.Conflict);
        var renamed = await (await admin.PatchAsync($"/api/v1/teams/{other.Id}", new { name = "obsługa klienta" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("name", duplicate.Errors!.Keys);
        Assert.Contains("name", renamed.Errors!.Keys);
        Assert.Equal("Technical Service", (await admin.GetAsync<TeamDetails>($"/api/v1/teams/{other.Id}")).Name);
    }

    [Fact]
    public async Task Members_must_be_existing_agents()
    {
        var admin = await app.ClientAsync();
        var team = await (await admin.PostAsync("/api/v1/teams", new { name = "Ghosts" })).ReadAsync<TeamDetails>(HttpStatusCode.Created);

        var problem = await (await admin.PutAsJsonAsync($"/api/v1/teams/{team.Id}/members", new { agentIds = new[] { 987654L } }, Api.Json, Ct))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("agentIds", problem.Errors!.Keys);
        Assert.Empty((await admin.GetAsync<TeamDetails>($"/api/v1/teams/{team.Id}")).Members);
    }
}
