using Kalinga.Sla.Calendars;

namespace Kalinga.Tests.Sla;

public sealed class IcsHolidaysTests
{
    private const string Feed = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Example//Holidays//EN
        BEGIN:VEVENT
        UID:1@example.test
        DTSTART;VALUE=DATE:20261101
        DTEND;VALUE=DATE:20261102
        SUMMARY:Wszystkich Świętych
        END:VEVENT
        BEGIN:VEVENT
        UID:2@example.test
        DTSTART;VALUE=DATE:20261224
        DTEND;VALUE=DATE:20261227
        SUMMARY:Christmas\, with a folded
          name
        END:VEVENT
        BEGIN:VEVENT
        UID:3@example.test
        DTSTART:20261231T130000
        DTEND:20261231T235900
        SUMMARY:New Year's Eve (afternoon)
        END:VEVENT
        BEGIN:VEVENT
        UID:4@example.test
        DTSTART;VALUE=DATE:20260612
        RRULE:FREQ=YEARLY;COUNT=3
        SUMMARY:Independence Day
        END:VEVENT
        END:VCALENDAR
        """;

    [Fact]
    public void All_day_multi_day_partial_and_yearly_events_become_holidays()
    {
        var holidays = IcsHolidays.Parse(Feed.Replace("\n", "\r\n", StringComparison.Ordinal), TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw"));

        Assert.Equal(
            ["2026-06-12", "2026-11-01", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-06-12", "2028-06-12"],
            holidays.Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Equal("Wszystkich Świętych", holidays.Single(h => h.Date.Month == 11).Name);
        Assert.Equal("Christmas, with a folded name", holidays.First(h => h.Date.Day == 25).Name);
        var eve = holidays.Single(h => h.Date == new DateOnly(2026, 12, 31));
        Assert.Equal((13 * 60, (23 * 60) + 59), (eve.ClosedFrom, eve.ClosedUntil));
        Assert.Null(holidays.Single(h => h.Date == new DateOnly(2026, 11, 1)).ClosedFrom);
    }

    [Fact]
    public void Times_in_utc_are_read_in_the_calendars_zone()
    {
        var holidays = IcsHolidays.Parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261224T050000Z\nDTEND:20261224T160000Z\nSUMMARY:Eve\nEND:VEVENT\nEND:VCALENDAR",
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Manila"));

        var eve = Assert.Single(holidays);
        Assert.Equal((13 * 60, 24 * 60), (eve.ClosedFrom, eve.ClosedUntil));
    }

    [Fact]
    public void An_event_without_a_start_is_refused_with_its_line()
    {
        var error = Assert.Throws<RuleException>(() => IcsHolidays.Parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR", TimeZoneInfo.Utc));

        Assert.Equal("ics", error.Field);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }
}
