using System.Net;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Tickets;

public sealed class TicketEditingTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Every_field_change_is_on_the_timeline_with_who_did_it()
    {
        var client = await app.ClientAsync();
        await client.DefineFieldAsync("order_number", "Order number");
        var ticket = await client.CreateTicketAsync(reason: "complaint");

        var updated = await (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new
        {
            subject = "Washing machine leaks badly",
            priority = "urgent",
            tags = new[] { "warranty", "repair" },
            causes = new[] { "slow_response", "poor_result" },
            customFields = new Dictionary<string, string> { ["order_number"] = "LH-204913" },
            status = "on_hold",
        })).ReadAsync<TicketDetails>();

        Assert.Equal("Washing machine leaks badly", updated.Subject);
        Assert.Equal(Priority.Urgent, updated.Priority);
        Assert.Equal(["repair", "warranty"], updated.Tags);
        Assert.Equal(["poor_result", "slow_response"], updated.Causes);
        Assert.Equal("LH-204913", updated.CustomFields["order_number"]);
        Assert.Equal(TicketStatus.OnHold, updated.Status);
        var changes = updated.Events.Where(e => e.Type is TicketEventTypes.FieldChanged or TicketEventTypes.TagsChanged
            or TicketEventTypes.CausesChanged or TicketEventTypes.StatusChanged && e.Actor.Kind == ActorKind.ApiToken).ToList();
        Assert.True(changes.Count >= 6, string.Join(", ", changes.Select(e => e.Type)));
        Assert.All(changes, e => Assert.Equal("test Admin", e.Actor.Name));
    }

    [Fact]
    public async Task Dissatisfaction_causes_need_a_complaint()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync(reason: "question");

        var problem = await (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { causes = new[] { "treated_badly" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("causes", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync();
        await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { priority = "high" });

        var response = await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { priority = "low", version = ticket.Version });

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Notes_are_internal_and_do_not_change_status()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync();

        var note = await (await client.PostAsync($"/api/v1/tickets/{ticket.Number}/notes", new { html = "<p>Called the courier <script>alert(1)</script><b>twice</b></p>" }))
            .ReadAsync<MessageView>(HttpStatusCode.Created);

        Assert.True(note.Internal);
        Assert.Equal(MessageKind.Note, note.Kind);
        Assert.DoesNotContain("<script", note.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>twice</b>", note.Html, StringComparison.Ordinal);
        Assert.Equal("Called the courier twice", note.Text);
        Assert.Equal(TicketStatus.New, (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}")).Status);
    }

    [Fact]
    public async Task Assigning_and_unassigning_is_recorded()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync();
        var agentId = await app.WithDbAsync(async db =>
        {
            var agent = new Kalinga.Agents.Agent("Ana Reyes", $"ana{Guid.NewGuid():N}@desk.test", Kalinga.Agents.AgentRole.Agent, app.Clock.GetUtcNow().UtcDateTime);
            db.Agents.Add(agent);
            await db.SaveChangesAsync();
            return agent.Id;
        });

        var assigned = await (await client.PostAsync($"/api/v1/tickets/{ticket.Number}/assign", new { agentId, teamId = (long?)null })).ReadAsync<TicketDetails>();
        var cleared = await (await client.PostAsync($"/api/v1/tickets/{ticket.Number}/assign", new { agentId = (long?)null, teamId = (long?)null })).ReadAsync<TicketDetails>();
        var unknown = await (await client.PostAsync($"/api/v1/tickets/{ticket.Number}/assign", new { agentId = 999_999, teamId = (long?)null })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(agentId, assigned.AssigneeId);
        Assert.Null(cleared.AssigneeId);
        Assert.Equal(2, cleared.Events.Count(e => e.Type == TicketEventTypes.Assigned));
        Assert.Contains("assigneeId", unknown.Errors!.Keys);
    }

    [Fact]
    public async Task Merging_moves_the_conversation_and_closes_the_duplicate()
    {
        var client = await app.ClientAsync();
        var keep = await client.CreateTicketAsync(subject: "Fridge not cooling", email: "merge@example.test");
        var duplicate = await client.CreateTicketAsync(subject: "Fridge still warm", text: "Sent this again, no answer yet.", email: "merge@example.test");

        var merged = await (await client.PostAsync($"/api/v1/tickets/{duplicate.Number}/merge", new { into = keep.Number })).ReadAsync<TicketDetails>();
        var closed = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{duplicate.Number}");
        var again = await (await client.PostAsync($"/api/v1/tickets/{duplicate.Number}/merge", new { into = keep.Number })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(keep.Number, merged.Number);
        Assert.Equal(2, merged.Messages.Count);
        Assert.Contains(merged.Messages, m => m.Text == "Sent this again, no answer yet.");
        Assert.Contains(merged.Events, e => e.Type == TicketEventTypes.MergedFrom);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Equal(keep.Number, closed.MergedIntoNumber);
        Assert.Empty(closed.Messages);
        Assert.Contains("target", again.Errors!.Keys);
    }

    [Fact]
    public async Task Unknown_ticket_is_404()
    {
        var client = await app.ClientAsync();

        var get = await client.GetAsync("/api/v1/tickets/987654321");
        var reply = await client.PostAsync("/api/v1/tickets/987654321/replies", new { text = "hello" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
    }
}
