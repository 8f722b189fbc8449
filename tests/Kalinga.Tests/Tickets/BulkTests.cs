using System.Net;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Tickets;

public sealed class BulkTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Bulk_edit_changes_every_ticket_with_its_own_timeline_and_reports_a_closed_one_it_could_not_change()
    {
        var client = await app.ClientAsync();
        var agent = await client.CreateAgentAsync("bulk@example.test");
        var a = await client.CreateTicketAsync(subject: "Outage A", email: "bulk1@example.test", extra: new { tags = new[] { "outage", "keep" } });
        var b = await client.CreateTicketAsync(subject: "Outage B", email: "bulk2@example.test");
        var closed = await client.CreateTicketAsync(subject: "Old one", email: "bulk3@example.test");
        await client.PatchAsync($"/api/v1/tickets/{closed.Number}", new { status = "solved" });
        await client.PatchAsync($"/api/v1/tickets/{closed.Number}", new { status = "closed" });

        var outcomes = await (await client.PostAsync("/api/v1/tickets/bulk", new
        {
            numbers = new[] { a.Number, b.Number, closed.Number },
            assign = true,
            assigneeId = agent.Id,
            status = "pending",
            addTags = new[] { "Power Cut" },
            removeTags = new[] { "outage" },
        })).ReadAsync<List<BulkOutcome>>();

        var after = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{a.Number}");
        var untouched = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{closed.Number}");
        Assert.Equal([null, null], outcomes.Take(2).Select(o => o.Error));
        Assert.Contains("closed", outcomes[2].Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((TicketStatus.Pending, agent.Id), (after.Status, after.AssigneeId));
        Assert.Equal(["keep", "power-cut"], after.Tags);
        Assert.Contains(after.Events, e => e.Type == TicketEventTypes.Assigned);
        Assert.Equal((TicketStatus.Closed, (long?)null), (untouched.Status, untouched.AssigneeId));
    }

    [Fact]
    public async Task Bulk_reply_sends_the_same_answer_to_each_ticket_and_can_solve_them()
    {
        var client = await app.ClientAsync();
        var a = await client.CreateTicketAsync(subject: "No power", email: "reply1@example.test", channel: "web");
        var b = await client.CreateTicketAsync(subject: "Lights out", email: "reply2@example.test", channel: "chat");

        var outcomes = await (await client.PostAsync("/api/v1/tickets/bulk/replies", new
        {
            numbers = new[] { a.Number, b.Number, 999_999_999L },
            text = "The outage is fixed since 10:40.",
            status = "solved",
        })).ReadAsync<List<BulkOutcome>>();

        var first = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{a.Number}");
        var second = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{b.Number}");
        Assert.Equal([null, null], outcomes.Take(2).Select(o => o.Error));
        Assert.NotNull(outcomes[2].Error);
        Assert.Equal((TicketStatus.Solved, TicketStatus.Solved), (first.Status, second.Status));
        Assert.Equal((MessageKind.Web, MessageKind.Chat), (first.Messages[^1].Kind, second.Messages[^1].Kind));
        Assert.All([first, second], t => Assert.Equal("The outage is fixed since 10:40.", t.Messages[^1].Text));
    }

    [Fact]
    public async Task Merging_several_tickets_moves_their_messages_into_the_one_that_stays()
    {
        var client = await app.ClientAsync();
        var keep = await client.CreateTicketAsync(subject: "Fridge noisy", text: "first", email: "merge@example.test");
        var dup1 = await client.CreateTicketAsync(subject: "Fridge noisy again", text: "second", email: "merge@example.test");
        var dup2 = await client.CreateTicketAsync(subject: "Still noisy", text: "third", email: "merge@example.test");

        var outcomes = await (await client.PostAsync("/api/v1/tickets/bulk/merge", new { numbers = new[] { dup1.Number, dup2.Number }, into = keep.Number }))
            .ReadAsync<List<BulkOutcome>>();

        var kept = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{keep.Number}");
        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Equal(["first", "second", "third"], kept.Messages.Select(m => m.Text));
        Assert.Equal(TicketStatus.Closed, (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{dup1.Number}")).Status);
    }

    [Fact]
    public async Task A_link_shows_on_both_tickets_and_both_timelines_and_can_be_removed()
    {
        var client = await app.ClientAsync();
        var a = await client.CreateTicketAsync(subject: "Router down", email: "link1@example.test");
        var b = await client.CreateTicketAsync(subject: "No internet", email: "link2@example.test");

        var link = await client.PostAsync($"/api/v1/tickets/{a.Number}/links", new { ticket = b.Number });
        var fromB = await client.GetAsync<List<RelatedTicket>>($"/api/v1/tickets/{b.Number}/links");
        var timeline = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{b.Number}");
        var self = await client.PostAsync($"/api/v1/tickets/{a.Number}/links", new { ticket = a.Number });
        var unlink = await client.DeleteAsync($"/api/v1/tickets/{b.Number}/links/{a.Number}");

        Assert.Equal(HttpStatusCode.NoContent, link.StatusCode);
        Assert.Equal([a.Number], fromB.Select(t => t.Number));
        Assert.Contains(timeline.Events, e => e.Type == TicketEventTypes.Linked);
        await self.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, unlink.StatusCode);
        Assert.Empty(await client.GetAsync<List<RelatedTicket>>($"/api/v1/tickets/{a.Number}/links"));
    }
}
