using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kalinga.Agents;
using Kalinga.Automation;
using Kalinga.Configuration;
using Kalinga.Sla;
using Kalinga.Sla.Calendars;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tests.Sla;
using Kalinga.Tickets;

namespace Kalinga.Tests.Configuration;

public sealed class ConfigurationHistoryTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Creating_changing_and_deleting_a_rule_is_recorded_with_who_and_what_changed_newest_first()
    {
        var client = await app.ClientAsync();
        var rule = await (await client.PostAsync("/api/v1/rules", Rule("Tag dryer questions", "dryer"))).ReadAsync<RuleView>(HttpStatusCode.Created);
        (await client.PutAsync($"/api/v1/rules/{rule.Id}", Rule("Tag dryer and washer questions", "dryer"))).EnsureSuccessStatusCode();
        (await client.DeleteAsync($"/api/v1/rules/{rule.Id}")).EnsureSuccessStatusCode();

        var history = await client.GetAsync<List<ConfigurationChangeView>>($"/api/v1/configuration-changes?kind=rule&id={rule.Id}");

        Assert.Equal(["deleted", "updated", "created"], history.Select(c => c.Action));
        Assert.All(history, c => Assert.Equal((ActorKind.ApiToken, "test Admin"), (c.ActorKind, c.ActorName)));
        var update = JsonDocument.Parse(history[1].Summary).RootElement;
        Assert.Equal(["name"], update.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Tag dryer questions", update.GetProperty("name").GetProperty("from").GetString());
        Assert.Equal("Tag dryer and washer questions", update.GetProperty("name").GetProperty("to").GetString());
        Assert.Equal("Tag dryer and washer questions", JsonDocument.Parse(history[0].Summary).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_policy_moved_to_another_calendar_and_an_import_that_adds_holidays_are_recorded_but_an_import_that_adds_nothing_is_not()
    {
        var client = await app.ClientAsync();
        var calendar = await (await client.PostAsync("/api/v1/calendars", new
        {
            name = "Manila office", timeZone = "Asia/Manila", hours = new[] { new { day = "monday", from = "08:00", to = "17:00" } },
        })).ReadAsync<CalendarView>(HttpStatusCode.Created);
        var policy = await (await client.PostAsync("/api/v1/sla-policies", new { name = "Manila chat", position = 500, targets = new[] { new { firstResponse = 5 } } }))
            .ReadAsync<SlaPolicyView>(HttpStatusCode.Created);
        (await client.PutAsync($"/api/v1/sla-policies/{policy.Id}", new { name = "Manila chat", position = 500, calendarId = calendar.Id, targets = new[] { new { firstResponse = 5 } } }))
            .EnsureSuccessStatusCode();
        const string ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261230\r\nSUMMARY:Rizal Day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        for (var i = 0; i < 2; i++)
        {
            (await client.PostAsync($"/api/v1/calendars/{calendar.Id}/holidays/import", new StringContent(ics, System.Text.Encoding.UTF8, "text/calendar")))
                .EnsureSuccessStatusCode();
        }

        var policyHistory = await client.GetAsync<List<ConfigurationChangeView>>($"/api/v1/configuration-changes?kind=sla_policy&id={policy.Id}");
        var calendarHistory = await client.GetAsync<List<ConfigurationChangeView>>($"/api/v1/configuration-changes?kind=calendar&id={calendar.Id}");

        var moved = JsonDocument.Parse(policyHistory[0].Summary).RootElement.GetProperty("calendarId");
        Assert.Equal((JsonValueKind.Null, calendar.Id), (moved.GetProperty("from").ValueKind, moved.GetProperty("to").GetInt64()));
        Assert.Equal(["imported", "created"], calendarHistory.Select(c => c.Action));
        Assert.Contains("Rizal Day", calendarHistory[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_cannot_read_the_history_and_an_unknown_kind_is_refused_naming_the_field()
    {
        var agent = await app.ClientAsync(AgentRole.Agent);
        var admin = await app.ClientAsync();

        var forbidden = await agent.GetAsync("/api/v1/configuration-changes?kind=rule&id=1");
        var unknown = await (await admin.GetAsync("/api/v1/configuration-changes?kind=ticket&id=1")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("kind", unknown.Errors!.Keys);
    }

    [Fact]
    public void A_summary_too_long_to_read_lists_only_the_names_of_the_changed_fields()
    {
        var before = new { id = 1, name = "Long", templates = new { en = "a" }, updatedAt = "then" };
        var after = new { id = 1, name = "Long", templates = new { en = new string('b', ConfigurationAudit.MaxSummary) }, updatedAt = "now" };

        Assert.Equal("""{"changed":["templates"]}""", ConfigurationAudit.Summarize(before, after));
    }

    private static object Rule(string name, string word) => new
    {
        name,
        events = new[] { "ticket.created" },
        conditions = new { all = new[] { new { field = "subject", op = "contains", value = word } } },
        actions = new[] { new { type = "add_tags", tags = new[] { word } } },
    };
}
