using System.Net;
using Kalinga.Automation;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tests.Sla;
using Kalinga.Tickets;

namespace Kalinga.Tests.Automation;

/// <summary>Every rule here names its test in a subject condition, so rules of one test never act on another's tickets.</summary>
public sealed class RuleTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task A_trigger_on_new_complaints_raises_priority_tags_and_notes_with_the_rule_named_on_the_timeline()
    {
        var client = await app.ClientAsync();
        var rule = await CreateRuleAsync(client, new
        {
            name = "Complaints need attention",
            events = new[] { "ticket.created" },
            conditions = new { all = new object[] { Is("reason", "complaint"), Contains("subject", "triage-test") } },
            actions = new object[]
            {
                new { type = "set", field = "priority", value = "high" },
                new { type = "add_tags", tags = new[] { "Complaint Watch" } },
                new { type = "note", templates = new { en = "Call {{customer.first_name}} back about #{{ticket.number}}." } },
            },
        });

        var complaint = await client.CreateTicketAsync(subject: "triage-test broken chair", reason: "complaint", email: "triage@example.test",
            extra: new { customer = new { email = "triage@example.test", name = "Rosa Mendoza" } });
        var question = await client.CreateTicketAsync(subject: "triage-test opening hours", reason: "question", email: "triage@example.test");
        await app.DrainAsync();

        var changed = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{complaint.Number}");
        var untouched = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{question.Number}");
        Assert.Equal(Priority.High, changed.Priority);
        Assert.Equal(["complaint-watch"], changed.Tags);
        Assert.Equal($"Call Rosa back about #{complaint.Number}.", changed.Messages.Single(m => m.Internal).Text);
        var byRule = changed.Events.Where(e => e.Actor.Kind == ActorKind.Rule).ToList();
        Assert.Equal([TicketEventTypes.FieldChanged, TicketEventTypes.TagsChanged, TicketEventTypes.NoteAdded], byRule.Select(e => e.Type));
        Assert.All(byRule, e => Assert.Equal((rule, "Complaints need attention"), (e.Actor.Id!.Value, e.Actor.Name)));
        Assert.Equal(Priority.Normal, untouched.Priority);
        Assert.DoesNotContain(untouched.Events, e => e.Actor.Kind == ActorKind.Rule);
    }

    [Fact]
    public async Task A_templated_reply_is_written_in_the_customers_language()
    {
        var client = await app.ClientAsync();
        await CreateRuleAsync(client, new
        {
            name = "Acknowledge",
            events = new[] { "ticket.created" },
            conditions = new { all = new object[] { Contains("subject", "ack-test") } },
            actions = new object[]
            {
                new
                {
                    type = "reply",
                    templates = new Dictionary<string, string>
                    {
                        ["en"] = "Hello {{customer.first_name}}, we received request {{ticket.number}}.",
                        ["pl"] = "Dzień dobry {{customer.first_name}}, otrzymaliśmy zgłoszenie {{ticket.number}}.",
                    },
                },
            },
        });

        var polish = await client.CreateTicketAsync(subject: "ack-test pralka", email: "ack-pl@example.test",
            extra: new { language = "pl", customer = new { email = "ack-pl@example.test", name = "Zofia Nowak" } });
        var italian = await client.CreateTicketAsync(subject: "ack-test lavatrice", email: "ack-it@example.test",
            extra: new { language = "it", customer = new { email = "ack-it@example.test", name = "Luca Rossi" } });
        await app.DrainAsync();

        var pl = (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{polish.Number}")).Messages.Single(m => m.Direction == MessageDirection.Out);
        var it = (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{italian.Number}")).Messages.Single(m => m.Direction == MessageDirection.Out);
        Assert.Equal($"Dzień dobry Zofia, otrzymaliśmy zgłoszenie {polish.Number}.", pl.Text);
        Assert.Equal(ActorKind.Rule, pl.Author.Kind);
        Assert.Equal($"Hello Luca, we received request {italian.Number}.", it.Text);
    }

    [Fact]
    public async Task Two_rules_undoing_each_other_stop_at_the_chain_limit_and_say_so_on_the_timeline()
    {
        var client = await app.ClientAsync();
        foreach (var (from, to) in new[] { ("high", "low"), ("low", "high") })
        {
            await CreateRuleAsync(client, new
            {
                name = $"{from} to {to}",
                events = new[] { "ticket.updated" },
                conditions = new { all = new object[] { Is("priority", from), Contains("subject", "loop-test") } },
                actions = new object[] { new { type = "set", field = "priority", value = to } },
            });
        }

        var ticket = await client.CreateTicketAsync(subject: "loop-test ping pong", email: "loop@example.test");
        await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { priority = "high" });
        await app.DrainAsync();

        var events = (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}")).Events;
        // Both rules act in the first round (each sees the other's change), then one per round up to the limit.
        Assert.Equal(RunTriggers.MaxDepth + 1, events.Count(e => e.Type == TicketEventTypes.FieldChanged && e.Actor.Kind == ActorKind.Rule));
        Assert.Single(events, e => e.Type == AutomationEventTypes.LoopStopped);
        Assert.Equal(0, await app.DrainAsync());
    }

    [Fact]
    public async Task A_rule_can_only_set_a_defined_custom_field_to_a_value_it_takes()
    {
        var client = await app.ClientAsync();
        await client.DefineFieldAsync("callback_on", "Call back on", "date");

        var unknown = await (await client.PostAsync("/api/v1/rules", Rule("custom.nobody_defined", "x"))).ProblemAsync(HttpStatusCode.BadRequest);
        var misfit = await (await client.PostAsync("/api/v1/rules", Rule("custom.callback_on", "next week"))).ProblemAsync(HttpStatusCode.BadRequest);
        var fits = await client.PostAsync("/api/v1/rules", Rule("custom.callback_on", "2026-03-09"));

        Assert.Contains("actions[0].field", unknown.Errors!.Keys);
        Assert.Contains("actions[0].value", misfit.Errors!.Keys);
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);

        static object Rule(string field, string value) => new
        {
            name = "Set " + field,
            kind = "trigger",
            events = new[] { "ticket.created" },
            // Only its own tickets: the rule that saves stays active for the other tests of this class.
            conditions = new { all = new object[] { Contains("subject", "callback-test") } },
            actions = new object[] { new { type = "set", field, value } },
        };
    }

    [Fact]
    public async Task A_rule_does_not_trigger_itself_with_its_own_change()
    {
        var client = await app.ClientAsync();
        await client.DefineFieldAsync("touches", "Touches", "number");
        await CreateRuleAsync(client, new
        {
            name = "Stamp updates",
            events = new[] { "ticket.updated" },
            conditions = new { all = new object[] { Contains("subject", "self-test") } },
            actions = new object[] { new { type = "add_tags", tags = new[] { "touched" } }, new { type = "set", field = "custom.touches", value = "1" } },
        });

        var ticket = await client.CreateTicketAsync(subject: "self-test", email: "self@example.test");
        await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { priority = "low" });
        await app.DrainAsync();

        var details = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}");
        Assert.Equal(["touched"], details.Tags);
        Assert.Single(details.Events, e => e.Type == TicketEventTypes.TagsChanged);
        Assert.DoesNotContain(details.Events, e => e.Type == AutomationEventTypes.LoopStopped);
    }

    [Fact]
    public async Task Time_based_automations_remind_after_three_pending_days_and_close_after_four_solved_days_once()
    {
        var client = await app.ClientAsync();
        await CreateRuleAsync(client, new
        {
            name = "Remind after 3 days pending",
            kind = "automation",
            conditions = new { all = new object[] { Is("status", "pending"), Gte("hours_since_status_change", 72), Contains("subject", "timer-test") } },
            actions = new object[] { new { type = "reply", templates = new { en = "Do you still need help with {{ticket.subject}}?" } } },
        });
        await CreateRuleAsync(client, new
        {
            name = "Close 4 days after solved",
            kind = "automation",
            conditions = new { all = new object[] { Is("status", "solved"), Gte("hours_since_status_change", 96), Contains("subject", "timer-test") } },
            actions = new object[] { new { type = "set", field = "status", value = "closed" } },
        });
        var waiting = await client.CreateTicketAsync(subject: "timer-test waiting", email: "timer@example.test");
        var solved = await client.CreateTicketAsync(subject: "timer-test done", email: "timer@example.test");
        await client.PatchAsync($"/api/v1/tickets/{waiting.Number}", new { status = "pending" });
        await client.PatchAsync($"/api/v1/tickets/{solved.Number}", new { status = "solved" });

        app.Clock.Advance(TimeSpan.FromHours(71));
        await app.RunAutomationsAsync();
        var early = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{waiting.Number}");
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunAutomationsAsync();
        await app.RunAutomationsAsync();
        app.Clock.Advance(TimeSpan.FromHours(24));
        await app.RunAutomationsAsync();

        var reminded = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{waiting.Number}");
        var closed = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{solved.Number}");
        Assert.Single(early.Messages);
        Assert.Equal(["Do you still need help with timer-test waiting?"], reminded.Messages.Where(m => m.Author.Kind == ActorKind.Rule).Select(m => m.Text));
        Assert.Equal(TicketStatus.Pending, reminded.Status);
        Assert.Equal(TicketStatus.Closed, closed.Status);
    }

    [Fact]
    public async Task A_dry_run_lists_the_tickets_a_rule_would_touch_and_changes_nothing()
    {
        var client = await app.ClientAsync();
        var urgent = await client.CreateTicketAsync(subject: "dry-test urgent", email: "dry@example.test", extra: new { priority = "urgent" });
        await client.CreateTicketAsync(subject: "dry-test calm", email: "dry@example.test", extra: new { priority = "low" });
        var rule = new
        {
            name = "Escalate urgent",
            events = new[] { "ticket.updated" },
            conditions = new { all = new object[] { Is("priority", "urgent"), Contains("subject", "DRY-TEST") } },
            actions = new object[] { new { type = "set", field = "status", value = "on_hold" } },
        };

        var result = await (await client.PostAsync("/api/v1/rules/dry-run", rule)).ReadAsync<DryRunResult>();

        Assert.Equal([urgent.Number], result.Tickets.Select(t => t.Number));
        Assert.False(result.Truncated);
        Assert.Equal(urgent.Version, (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{urgent.Number}")).Version);
    }

    [Fact]
    public async Task An_sla_warning_can_notify_the_assignee()
    {
        var client = await app.ClientAsync();
        var team = await client.CreateTeamAsync("Notified");
        var agent = await client.CreateAgentAsync("Rey Santos", team);
        await CreateRuleAsync(client, new
        {
            name = "Warn the assignee",
            events = new[] { "sla.warning" },
            conditions = new { all = new object[] { Is("sla_metric", "first_response"), Contains("subject", "sla-notify-test") } },
            actions = new object[] { new { type = "notify", to = "assignee", templates = new { en = "Ticket {{ticket.number}} is due soon." } } },
        });
        var ticket = await client.CreateTicketAsync(subject: "sla-notify-test", email: "notify@example.test", channel: "web", extra: new { assigneeId = agent, teamId = team });
        await app.DrainAsync();

        app.Clock.Advance(TimeSpan.FromHours(18));
        await app.ScanSlaAsync();

        var notification = Assert.Single((await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}")).Events, e => e.Type == AutomationEventTypes.Notification).Data.Element;
        Assert.Equal([agent], notification.GetProperty("agents").EnumerateArray().Select(a => a.GetInt64()));
        Assert.Equal($"Ticket {ticket.Number} is due soon.", notification.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("""{"name":"x","events":["ticket.created"],"conditions":{"all":[{"field":"mood","op":"is","value":"sad"}]},"actions":[{"type":"add_tags","tags":["a"]}]}""", "conditions.all[0].field")]
    [InlineData("""{"name":"x","events":["ticket.created"],"conditions":{"any":[{"field":"tags","op":"gte","value":"vip"}]},"actions":[{"type":"add_tags","tags":["a"]}]}""", "conditions.any[0].op")]
    [InlineData("""{"name":"x","events":["ticket.created"],"conditions":{"all":[{"field":"priority","op":"in","value":["high","huge"]}]},"actions":[{"type":"add_tags","tags":["a"]}]}""", "conditions.all[0].value")]
    [InlineData("""{"name":"x","events":["ticket.exploded"],"conditions":{},"actions":[{"type":"add_tags","tags":["a"]}]}""", "events")]
    [InlineData("""{"name":"x","events":["ticket.created"],"conditions":{},"actions":[{"type":"webhook","url":"ftp://x","secret":"0123456789abcdef"}]}""", "actions[0].url")]
    [InlineData("""{"name":"x","events":["ticket.created"],"conditions":{},"actions":[{"type":"reply","templates":{"pl":"Cześć"}}]}""", "actions[0].templates")]
    [InlineData("""{"name":"x","events":["ticket.created"],"conditions":{},"actions":[{"type":"note","templates":{"en":"Hi {{customer.shoe_size}}"}}]}""", "actions[0].templates.en")]
    [InlineData("""{"name":"x","kind":"automation","conditions":{"all":[{"field":"hours_since_created","op":"gte","value":5}]},"actions":[{"type":"add_tags","tags":["a"]}]}""", "conditions.all")]
    public async Task A_rule_that_could_not_run_is_refused_with_the_field_named(string json, string field)
    {
        var client = await app.ClientAsync();

        var response = await client.PostAsync("/api/v1/rules", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(field, (await response.ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    private static async Task<long> CreateRuleAsync(HttpClient client, object rule) =>
        (await (await client.PostAsync("/api/v1/rules", rule)).ReadAsync<RuleView>(HttpStatusCode.Created)).Id;

    private static object Is(string field, string value) => new { field, op = "is", value };

    private static object Contains(string field, string value) => new { field, op = "contains", value };

    private static object Gte(string field, double value) => new { field, op = "gte", value };
}
