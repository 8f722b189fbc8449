using System.Net;
using System.Net.Http.Json;
using Kalinga.Agents;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Agents;

public sealed class AgentApiTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_creates_an_agent_who_is_listed_with_teams_and_without_password_data()
    {
        var admin = await app.ClientAsync();
        var team = await (await admin.PostAsync("/api/v1/teams", new { name = "Warranty desk" })).ReadAsync<TeamDetails>(HttpStatusCode.Created);

        var response = await admin.PostAsync("/api/v1/agents", new
        {
            name = "Ana Reyes",
            email = "Ana.Reyes@Lumen.test",
            role = "supervisor",
            languages = new[] { "fil", "en" },
            uiLanguage = "fil",
            password = "mahaba-na-password",
            teamIds = new[] { team.Id },
        });
        var created = await response.ReadAsync<AgentView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/agents/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("ana.reyes@lumen.test", created.Email);
        Assert.Equal(AgentRole.Supervisor, created.Role);
        Assert.Equal(["fil", "en"], created.Languages);
        Assert.Equal("fil", created.UiLanguage);
        Assert.True(created.Active);
        Assert.Equal(KalingaApp.Start.UtcDateTime, created.CreatedAt);
        Assert.Null(created.LockedUntil);
        Assert.Equal("Warranty desk", Assert.Single(created.Teams).Name);

        var raw = await admin.GetStringAsync($"/api/v1/agents/{created.Id}", Ct);
        Assert.DoesNotContain("password", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AQAAAA", raw, StringComparison.Ordinal);
        var inTeam = await admin.GetAsync<List<AgentView>>($"/api/v1/agents?team={team.Id}");
        Assert.Equal(created.Id, Assert.Single(inTeam).Id);
    }

    [Fact]
    public async Task Agent_role_may_read_but_not_change_agents_teams_tokens_reasons_or_tags()
    {
        var admin = await app.ClientAsync();
        var colleague = await admin.CreateAgentAsync("colleague@lumen.test");
        var team = await (await admin.PostAsync("/api/v1/teams", new { name = "Night shift" })).ReadAsync<TeamDetails>(HttpStatusCode.Created);
        var agent = await app.ClientAsync(AgentRole.Agent);

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/agents", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/v1/teams/{team.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/contact-reasons", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/tags?q=a", Ct)).StatusCode);
        HttpResponseMessage[] writes =
        [
            await agent.PostAsync("/api/v1/agents", new { name = "Mallory", email = "mallory@lumen.test", languages = new[] { "en" } }),
            await agent.PatchAsync($"/api/v1/agents/{colleague.Id}", new { name = "Renamed" }),
            await agent.PostAsync($"/api/v1/agents/{colleague.Id}/password", new { password = "taken-over-account" }),
            await agent.PostAsync("/api/v1/teams", new { name = "Shadow team" }),
            await agent.PatchAsync($"/api/v1/teams/{team.Id}", new { name = "Renamed" }),
            await agent.PutAsJsonAsync($"/api/v1/teams/{team.Id}/members", new { agentIds = new[] { colleague.Id } }, Api.Json, Ct),
            await agent.GetAsync("/api/v1/api-tokens", Ct),
            await agent.PostAsync("/api/v1/api-tokens", new { name = "mine", role = "admin" }),
            await agent.PostAsync("/api/v1/contact-reasons", new { code = "sneaky", name = "Sneaky" }),
            await agent.PatchAsync("/api/v1/dissatisfaction-causes/1", new { name = "Renamed" }),
            await agent.DeleteAsync("/api/v1/tags/anything", Ct),
        ];

        Assert.All(writes, w => Assert.Equal(HttpStatusCode.Forbidden, w.StatusCode));
        Assert.Equal("Agent colleague", (await admin.GetAsync<AgentView>($"/api/v1/agents/{colleague.Id}")).Name);
    }

    [Theory]
    [InlineData("/api/v1/agents")]
    [InlineData("/api/v1/teams")]
    [InlineData("/api/v1/api-tokens")]
    [InlineData("/api/v1/tags")]
    [InlineData("/api/v1/contact-reasons")]
    [InlineData("/api/v1/dissatisfaction-causes")]
    public async Task Requests_without_credentials_are_unauthorized(string url)
    {
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_second_agent_with_the_same_email_is_a_conflict_whatever_the_case()
    {
        var admin = await app.ClientAsync();
        await admin.CreateAgentAsync("duplicate@lumen.test");

        var problem = await (await admin.PostAsync("/api/v1/agents", new { name = "Twin", email = "DUPLICATE@lumen.test", languages = new[] { "en" } }))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("email", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Only_the_four_supported_languages_are_accepted()
    {
        var admin = await app.ClientAsync();

        var languages = await (await admin.PostAsync("/api/v1/agents", new { name = "Hans", email = "hans@lumen.test", languages = new[] { "en", "de" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var ui = await (await admin.PostAsync("/api/v1/agents", new { name = "Hans", email = "hans@lumen.test", languages = new[] { "en" }, uiLanguage = "de" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("languages", languages.Errors!.Keys);
        Assert.Contains("uiLanguage", ui.Errors!.Keys);
        Assert.DoesNotContain(await admin.GetAsync<List<AgentView>>("/api/v1/agents"), a => a.Email == "hans@lumen.test");
    }

    [Fact]
    public async Task Deactivated_agent_keeps_their_tickets_but_gets_no_new_ones()
    {
        var admin = await app.ClientAsync();
        var leaver = await admin.CreateAgentAsync("leaver@lumen.test");
        var ticket = await admin.CreateTicketAsync(email: "customer.of.leaver@example.test", extra: new { assigneeId = leaver.Id });

        var after = await (await admin.PatchAsync($"/api/v1/agents/{leaver.Id}", new { active = false })).ReadAsync<AgentView>();

        Assert.False(after.Active);
        Assert.Equal(leaver.Id, (await admin.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}")).AssigneeId);
        Assert.DoesNotContain(await admin.GetAsync<List<AgentView>>("/api/v1/agents?active=true"), a => a.Id == leaver.Id);
        Assert.Contains(await admin.GetAsync<List<AgentView>>("/api/v1/agents?active=false"), a => a.Id == leaver.Id);
        var refused = await (await admin.PostAsync("/api/v1/tickets", new
        {
            subject = "Another one",
            customer = new { email = "next.customer@example.test" },
            message = new { text = "Hello" },
            assigneeId = leaver.Id,
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("assigneeId", refused.Errors!.Keys);
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_deactivated()
    {
        var admin = await app.ClientAsync();
        var only = await admin.CreateAgentAsync("only.admin@lumen.test", AgentRole.Admin);

        var demote = await (await admin.PatchAsync($"/api/v1/agents/{only.Id}", new { role = "agent" })).ProblemAsync(HttpStatusCode.BadRequest);
        var deactivate = await (await admin.PatchAsync($"/api/v1/agents/{only.Id}", new { active = false })).ProblemAsync(HttpStatusCode.BadRequest);
        await admin.CreateAgentAsync("second.admin@lumen.test", AgentRole.Admin);
        var demoted = await (await admin.PatchAsync($"/api/v1/agents/{only.Id}", new { role = "agent" })).ReadAsync<AgentView>();

        Assert.Contains("role", demote.Errors!.Keys);
        Assert.Contains("active", deactivate.Errors!.Keys);
        Assert.Equal(AgentRole.Agent, demoted.Role);
    }
}
