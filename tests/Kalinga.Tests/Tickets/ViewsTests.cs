using System.Net;
using Kalinga.Agents;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Tickets;

public sealed class ViewsTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private sealed record ViewRow(string Key, string Kind, string Name, string Query, string Sort, bool Shared, int Count, bool CountIsCapped);

    [Fact]
    public async Task A_saved_view_lists_only_the_tickets_its_filter_matches_and_shows_a_count()
    {
        var admin = await app.ClientAsync();
        await admin.CreateAgentAsync("viewer@example.test");
        var agent = await app.SignedInAsync("viewer@example.test");
        var complaint = await admin.CreateTicketAsync(subject: "Broken on arrival", reason: "complaint", email: "views1@example.test", extra: new { tags = new[] { "views-test" } });
        await admin.CreateTicketAsync(subject: "Opening hours", reason: "question", email: "views1@example.test", extra: new { tags = new[] { "views-test" } });

        var saved = await (await agent.PostAsync("/api/v1/views", new { name = "Tagged complaints", query = "reason=complaint&tag=views-test", sort = "-created" }))
            .ReadAsync<TicketView>(HttpStatusCode.Created);
        var views = await agent.GetAsync<List<ViewRow>>("/api/v1/views");
        var tickets = await agent.GetAsync<TicketPage>($"/api/v1/views/{saved.Key}/tickets");

        Assert.Equal(["mine", "unassigned", "open", "pending", "on_hold", "solved"], views.Where(v => v.Kind == "built_in").Select(v => v.Key));
        var row = Assert.Single(views, v => v.Key == saved.Key);
        Assert.Equal((1, false), (row.Count, row.CountIsCapped));
        Assert.Equal([complaint.Number], tickets.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task My_open_tickets_count_only_the_callers_unsolved_tickets()
    {
        var admin = await app.ClientAsync();
        var me = await admin.CreateAgentAsync("mine@example.test");
        var agent = await app.SignedInAsync("mine@example.test");
        var first = await admin.CreateTicketAsync(subject: "Mine 1", email: "views2@example.test", extra: new { assigneeId = me.Id });
        await admin.CreateTicketAsync(subject: "Mine 2", email: "views2@example.test", extra: new { assigneeId = me.Id });
        await admin.CreateTicketAsync(subject: "Not mine", email: "views2@example.test");
        await admin.PatchAsync($"/api/v1/tickets/{first.Number}", new { status = "solved" });

        var mine = Assert.Single(await agent.GetAsync<List<ViewRow>>("/api/v1/views"), v => v.Key == "mine");
        var tickets = await agent.GetAsync<TicketPage>("/api/v1/views/mine/tickets");

        Assert.Equal(1, mine.Count);
        Assert.Equal(["Mine 2"], tickets.Items.Select(t => t.Subject));
    }

    [Fact]
    public async Task A_private_view_is_invisible_to_other_agents_and_a_shared_one_is_not()
    {
        var admin = await app.ClientAsync();
        await admin.CreateAgentAsync("owner@example.test");
        await admin.CreateAgentAsync("colleague@example.test");
        var owner = await app.SignedInAsync("owner@example.test");
        var colleague = await app.SignedInAsync("colleague@example.test");
        var mine = await (await owner.PostAsync("/api/v1/views", new { name = "Private", query = "status=open" })).ReadAsync<TicketView>(HttpStatusCode.Created);
        var shared = await (await owner.PostAsync("/api/v1/views", new { name = "Team wide", query = "priority=urgent", shared = true })).ReadAsync<TicketView>(HttpStatusCode.Created);

        var seen = (await colleague.GetAsync<List<ViewRow>>("/api/v1/views")).Select(v => v.Key).ToList();
        var hidden = await colleague.GetAsync($"/api/v1/views/{mine.Key}/tickets");
        var deleteShared = await colleague.DeleteAsync($"/api/v1/views/{shared.Key["saved-".Length..]}");

        Assert.Contains(shared.Key, seen);
        Assert.DoesNotContain(mine.Key, seen);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        await deleteShared.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/views/{shared.Key["saved-".Length..]}")).StatusCode);
    }

    [Fact]
    public async Task A_view_with_a_filter_that_cannot_run_is_refused_naming_the_field()
    {
        var admin = await app.ClientAsync();
        await admin.CreateAgentAsync("badview@example.test", AgentRole.Agent);
        var agent = await app.SignedInAsync("badview@example.test");

        var status = await (await agent.PostAsync("/api/v1/views", new { name = "Sleepy", query = "status=sleeping" })).ProblemAsync(HttpStatusCode.BadRequest);
        var sort = await (await agent.PostAsync("/api/v1/views", new { name = "Odd", query = "status=open", sort = "colour" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("status", status.Errors!.Keys);
        Assert.Contains("sort", sort.Errors!.Keys);
    }

    [Fact]
    public void A_query_string_survives_the_round_trip_through_a_saved_view()
    {
        var query = TicketQueryString.Parse("status=open,pending&assignee=me&team=3&reason=complaint&tag=refund&createdFrom=2026-03-01&language=pl");

        var text = TicketQueryString.Format(query);

        Assert.Equal(query, TicketQueryString.Parse(text));
        Assert.Equal("status=open,pending&assignee=me&team=3&reason=complaint&language=pl&tag=refund&createdFrom=2026-03-01", Uri.UnescapeDataString(text));
    }
}
