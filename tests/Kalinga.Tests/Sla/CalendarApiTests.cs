using System.Net;
using System.Text;
using Kalinga.Sla.Calendars;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Sla;

public sealed class CalendarApiTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task A_rome_calendar_with_imported_holidays_computes_due_times_across_the_clock_change()
    {
        var client = await app.ClientAsync();
        var created = await (await client.PostAsync("/api/v1/calendars", new
        {
            name = "Rome office",
            timeZone = "Europe/Rome",
            hours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(day => new { day, from = "09:00", to = "17:00" }),
            holidays = new[] { new { date = "2026-12-24", name = "Vigilia", closedFrom = "13:00" } },
        })).ReadAsync<CalendarView>(HttpStatusCode.Created);
        const string ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260406\r\nSUMMARY:Pasquetta\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var import = await (await client.PostAsync($"/api/v1/calendars/{created.Id}/holidays/import", new StringContent(ics, Encoding.UTF8, "text/calendar")))
            .ReadAsync<Kalinga.Sla.Calendars.ImportResult>();
        var again = await (await client.PostAsync($"/api/v1/calendars/{created.Id}/holidays/import", new StringContent(ics, Encoding.UTF8, "text/calendar")))
            .ReadAsync<Kalinga.Sla.Calendars.ImportResult>();
        var due = await client.GetAsync<Kalinga.Sla.Calendars.CalendarsModule.BusinessTimeAnswer>(
            $"/api/v1/calendars/{created.Id}/business-time?from=2026-03-27T15:00:00Z&minutes=120");
        var easter = await client.GetAsync<Kalinga.Sla.Calendars.CalendarsModule.BusinessTimeAnswer>(
            $"/api/v1/calendars/{created.Id}/business-time?from=2026-04-03T00:00:00Z&to=2026-04-08T00:00:00Z");

        Assert.Equal((1, 1, 0), (import.Read, import.Added, again.Added));
        Assert.Equal(["2026-04-06 Pasquetta", "2026-12-24 Vigilia"], import.Calendar.Holidays.Select(h => $"{h.Date:yyyy-MM-dd} {h.Name}"));
        Assert.Equal(new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc), due.To);
        Assert.Equal(2 * 8 * 60, easter.BusinessMinutes);
    }

    [Fact]
    public async Task A_bad_calendar_is_a_400_naming_the_field()
    {
        var client = await app.ClientAsync();

        var zone = await (await client.PostAsync("/api/v1/calendars", new { name = "x", timeZone = "Mars/Olympus", hours = new[] { new { day = "monday", from = "09:00", to = "17:00" } } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var period = await (await client.PostAsync("/api/v1/calendars", new { name = "x", timeZone = "Asia/Manila", hours = new[] { new { day = "monday", from = "17:00", to = "09:00" } } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var time = await (await client.PostAsync("/api/v1/calendars", new { name = "x", timeZone = "Asia/Manila", hours = new[] { new { day = "monday", from = "9", to = "25:00" } } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var inUse = await (await client.DeleteAsync("/api/v1/calendars/1")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("timeZone", zone.Errors!.Keys);
        Assert.Contains("hours[0].to", period.Errors!.Keys);
        Assert.Contains("hours[0].from", time.Errors!.Keys);
        Assert.Contains("id", inUse.Errors!.Keys);
    }
}
