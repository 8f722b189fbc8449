using System.Net;
using Kalinga.Events;
using Kalinga.Sla;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Sla;

public sealed class SlaTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task The_shipped_policies_promise_24_hours_for_email_1_hour_for_social_2_minutes_for_chat_and_5_business_days_for_complaints()
    {
        var client = await app.ClientAsync();

        var policies = await client.GetAsync<List<SlaPolicyView>>("/api/v1/sla-policies");

        Assert.Equal(
            ["complaint resolution 2400 on 1", "chat first 2", "social first 60", "email,web first 1440"],
            policies.Select(p => p.Conditions.Reasons is { Count: > 0 } r
                ? $"{r[0]} resolution {p.Targets[0].Resolution} on {p.CalendarId}"
                : $"{string.Join(',', p.Conditions.Channels!.Select(c => c.ToString().ToLowerInvariant()))} first {p.Targets[0].FirstResponse}"));
    }

    [Fact]
    public async Task An_unanswered_web_ticket_warns_at_75_percent_breaches_at_24_hours_and_shows_in_the_sla_views()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync(subject: "Where is my order?", email: "warn@example.test", channel: "web");
        await app.DrainAsync();
        var clock = (await client.GetAsync<List<SlaClockView>>($"/api/v1/tickets/{ticket.Number}/sla")).Single(c => c.Metric == SlaMetric.FirstResponse);
        Assert.Equal(ticket.CreatedAt.AddHours(24), clock.DueAt);

        app.Clock.Advance(TimeSpan.FromHours(17));
        await app.ScanSlaAsync();
        var before = await SlaEventsAsync(client, ticket.Number);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.ScanSlaAsync();
        var atRisk = await client.GetAsync<TicketPage>($"/api/v1/tickets?sla=at_risk&customer={ticket.Customer.Id}");
        app.Clock.Advance(TimeSpan.FromHours(6));
        await app.ScanSlaAsync();
        await app.ScanSlaAsync();

        var breached = await client.GetAsync<TicketPage>($"/api/v1/tickets?sla=breached&customer={ticket.Customer.Id}");
        var notAtRisk = await client.GetAsync<TicketPage>($"/api/v1/tickets?sla=at_risk&customer={ticket.Customer.Id}");
        var events = (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}")).Events;
        Assert.Empty(before);
        Assert.Equal([ticket.Number], atRisk.Items.Select(t => t.Number));
        Assert.Equal([ticket.Number], breached.Items.Select(t => t.Number));
        Assert.Empty(notAtRisk.Items);
        Assert.Equal([SlaEventTypes.Warning, SlaEventTypes.Breached], events.Where(e => e.Type.StartsWith("sla.", StringComparison.Ordinal)).Select(e => e.Type));
        var breach = events.Single(e => e.Type == SlaEventTypes.Breached).Data.Element;
        Assert.Equal("first_response", breach.GetProperty("metric").GetString());
        Assert.Equal(24 * 3600, breach.GetProperty("calendarSeconds").GetInt64());
    }

    [Fact]
    public async Task A_reply_in_time_reports_the_target_met_with_calendar_and_business_seconds()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync(subject: "Invoice copy", email: "met@example.test", channel: "email");
        await app.DrainAsync();
        app.Clock.Advance(TimeSpan.FromHours(3));

        await client.PostAsync($"/api/v1/tickets/{ticket.Number}/replies", new { text = "Attached." });
        await app.DrainAsync();

        var details = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}");
        var met = Assert.Single(details.Events, e => e.Type == SlaEventTypes.Met).Data.Element;
        Assert.Equal(3 * 3600, met.GetProperty("calendarSeconds").GetInt64());
        Assert.Equal(3 * 3600, met.GetProperty("businessSeconds").GetInt64());
        var first = (await client.GetAsync<List<SlaClockView>>($"/api/v1/tickets/{ticket.Number}/sla")).Single(c => c.Metric == SlaMetric.FirstResponse);
        Assert.Equal(SlaOutcome.Met, first.Outcome);
        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.ScanSlaAsync();
        Assert.Equal([SlaEventTypes.Met], await SlaEventsAsync(client, ticket.Number));
    }

    [Fact]
    public async Task Pending_pauses_the_clock_and_the_due_time_moves_by_the_time_spent_waiting()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync(subject: "Broken lamp", email: "pause@example.test", channel: "web");
        await app.DrainAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { status = "pending" });
        await app.DrainAsync();
        var paused = (await client.GetAsync<List<SlaClockView>>($"/api/v1/tickets/{ticket.Number}/sla")).Single(c => c.Metric == SlaMetric.FirstResponse);

        app.Clock.Advance(TimeSpan.FromHours(30));
        await app.ScanSlaAsync();
        Assert.Empty(await SlaEventsAsync(client, ticket.Number));
        await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { status = "open" });
        await app.DrainAsync();

        var resumed = (await client.GetAsync<List<SlaClockView>>($"/api/v1/tickets/{ticket.Number}/sla")).Single(c => c.Metric == SlaMetric.FirstResponse);
        Assert.True(paused.Paused);
        Assert.Null(paused.DueAt);
        Assert.False(resumed.Paused);
        Assert.Equal(ticket.CreatedAt.AddHours(24 + 30), resumed.DueAt);
    }

    [Fact]
    public async Task A_late_reply_is_reported_as_breached_and_missed_once_even_when_the_scanner_had_not_run()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync(subject: "Lost parcel", email: "late@example.test", channel: "social");
        await app.DrainAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(90));

        await client.PostAsync($"/api/v1/tickets/{ticket.Number}/replies", new { text = "Sorry for the wait." });
        await app.DrainAsync();
        await app.ScanSlaAsync();

        Assert.Equal([SlaEventTypes.Breached, SlaEventTypes.Missed], await SlaEventsAsync(client, ticket.Number));
    }

    [Fact]
    public async Task A_customer_writing_after_a_reply_starts_the_next_response_clock()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync(subject: "Chat about delivery", email: "chat@example.test", channel: "chat");
        await client.PostAsync($"/api/v1/tickets/{ticket.Number}/replies", new { text = "Hello! Checking." });
        await app.DrainAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        await client.PostAsync("/api/v1/inbound", new { channel = "chat", from = new { email = "chat@example.test" }, text = "Any news?", ticketNumber = ticket.Number });
        await app.DrainAsync();
        var next = (await client.GetAsync<List<SlaClockView>>($"/api/v1/tickets/{ticket.Number}/sla")).Single(c => c.Metric == SlaMetric.NextResponse);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await app.ScanSlaAsync();

        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1), next.DueAt);
        var after = (await client.GetAsync<List<SlaClockView>>($"/api/v1/tickets/{ticket.Number}/sla")).Single(c => c.Metric == SlaMetric.NextResponse);
        Assert.Equal(SlaRisk.Breached, after.Risk);
    }

    [Fact]
    public async Task A_complaint_must_be_resolved_within_five_business_days_on_the_standard_calendar()
    {
        var client = await app.ClientAsync();
        var start = app.Clock.GetUtcNow().UtcDateTime;
        var ticket = await client.CreateTicketAsync(subject: "Damaged sofa", email: "complaint@example.test", reason: "complaint", channel: "email");
        await app.DrainAsync();

        var clocks = await client.GetAsync<List<SlaClockView>>($"/api/v1/tickets/{ticket.Number}/sla");

        var resolution = clocks.Single(c => c.Metric == SlaMetric.Resolution);
        var expected = new Kalinga.Sla.Calendars.BusinessHours(TimeZoneInfo.Utc, SlaDefaults.Weekdays(9 * 60, 17 * 60), [])
            .Add(start, TimeSpan.FromMinutes(SlaDefaults.FiveBusinessDays));
        Assert.Equal(expected, resolution.DueAt);
        Assert.True(expected - start >= TimeSpan.FromDays(4) + TimeSpan.FromHours(8), "forty business hours never end sooner than Friday 17:00 after Monday 09:00");
        Assert.Equal(start.AddHours(24), clocks.Single(c => c.Metric == SlaMetric.FirstResponse).DueAt);
    }

    [Fact]
    public async Task Tickets_whose_events_are_delivered_in_one_batch_each_get_the_clocks_of_their_own_history()
    {
        var client = await app.ClientAsync();
        await app.DrainAsync();
        var web = await client.CreateTicketAsync(subject: "Batch web", email: "batch-web@example.test", channel: "web");
        var social = await client.CreateTicketAsync(subject: "Batch social", email: "batch-social@example.test", channel: "social");
        var complaint = await client.CreateTicketAsync(subject: "Batch complaint", email: "batch-complaint@example.test", reason: "complaint", channel: "email");
        var answered = await client.CreateTicketAsync(subject: "Batch answered", email: "batch-answered@example.test", channel: "email");
        var paused = await client.CreateTicketAsync(subject: "Batch paused", email: "batch-paused@example.test", channel: "web");
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await client.PostAsync($"/api/v1/tickets/{answered.Number}/replies", new { text = "Here it is." });
        await client.PatchAsync($"/api/v1/tickets/{paused.Number}", new { status = "pending" });

        // One dispatch run: every event of the five tickets fits in one batch.
        await app.Services.GetRequiredService<EventDispatcher>().RunOnceAsync(CancellationToken.None);

        async Task<SlaClockView> FirstResponseAsync(TicketDetails t) =>
            (await client.GetAsync<List<SlaClockView>>($"/api/v1/tickets/{t.Number}/sla")).Single(c => c.Metric == SlaMetric.FirstResponse);
        Assert.Equal(web.CreatedAt.AddHours(24), (await FirstResponseAsync(web)).DueAt);
        Assert.Equal(social.CreatedAt.AddHours(1), (await FirstResponseAsync(social)).DueAt);
        Assert.Contains(await client.GetAsync<List<SlaClockView>>($"/api/v1/tickets/{complaint.Number}/sla"), c => c.Metric == SlaMetric.Resolution);
        Assert.Equal(SlaOutcome.Met, (await FirstResponseAsync(answered)).Outcome);
        Assert.Equal([SlaEventTypes.Met], await SlaEventsAsync(client, answered.Number));
        Assert.True((await FirstResponseAsync(paused)).Paused);
    }

    [Fact]
    public async Task A_ticket_whose_clocks_cannot_be_computed_fails_alone_and_the_others_of_its_batch_get_theirs()
    {
        var client = await app.ClientAsync();
        await app.DrainAsync();
        var good = await client.CreateTicketAsync(subject: "Good history", email: "good-history@example.test", channel: "web");
        var bad = await client.CreateTicketAsync(subject: "Unreadable history", email: "bad-history@example.test", channel: "web");
        await client.PatchAsync($"/api/v1/tickets/{bad.Number}", new { status = "pending" });
        await app.WithDbAsync(db => db.Events.Where(e => e.TicketId == bad.Id && e.Type == TicketEventTypes.StatusChanged)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Data, "{\"to\":\"archived\"}")));

        await app.Services.GetRequiredService<EventDispatcher>().RunOnceAsync(CancellationToken.None);

        var errors = await app.WithDbAsync(db => db.Events.Where(e => e.TicketId == good.Id || e.TicketId == bad.Id)
            .Select(e => new { e.TicketId, e.Type, e.LastError }).ToListAsync());
        Assert.Contains(await client.GetAsync<List<SlaClockView>>($"/api/v1/tickets/{good.Number}/sla"), c => c.Metric == SlaMetric.FirstResponse);
        Assert.Empty(await client.GetAsync<List<SlaClockView>>($"/api/v1/tickets/{bad.Number}/sla"));
        Assert.All(errors.Where(e => e.TicketId == good.Id), e => Assert.Null(e.LastError));
        Assert.StartsWith("sla:", errors.Single(e => e.TicketId == bad.Id && e.Type == TicketEventTypes.Created).LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_sla_filter_or_policy_is_a_400_naming_the_field()
    {
        var client = await app.ClientAsync();

        var filter = await (await client.GetAsync("/api/v1/tickets?sla=late")).ProblemAsync(HttpStatusCode.BadRequest);
        var policy = await (await client.PostAsync("/api/v1/sla-policies", new { name = "x", targets = new[] { new { firstResponse = 0 } } })).ProblemAsync(HttpStatusCode.BadRequest);
        var calendar = await (await client.PostAsync("/api/v1/sla-policies", new { name = "x", calendarId = 999, targets = new[] { new { firstResponse = 5 } } })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("sla", filter.Errors!.Keys);
        Assert.Contains("targets[0].firstResponse", policy.Errors!.Keys);
        Assert.Contains("calendarId", calendar.Errors!.Keys);
    }

    private static async Task<List<string>> SlaEventsAsync(HttpClient client, long number) =>
        [.. (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{number}")).Events.Select(e => e.Type).Where(t => t.StartsWith("sla.", StringComparison.Ordinal))];
}
