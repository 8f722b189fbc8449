using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Kalinga.Sla.Calendars;

/// <summary>A calendar as the API reads and writes it; times are "HH:mm" in the calendar's zone ("24:00" ends a day).</summary>
public sealed record CalendarRequest(
    [Required, StringLength(200, MinimumLength = 1)] string Name,
    [Required, StringLength(64)] string TimeZone,
    [Required] IReadOnlyList<PeriodJson> Hours,
    IReadOnlyList<HolidayJson>? Holidays = null)
{
    /// <summary>Checks everything and names the first offending field.</summary>
    public (TimeZoneInfo Zone, List<OpeningPeriod> Hours, List<Holiday> Holidays) Validate()
    {
        var zone = CalendarTime.Zone(TimeZone, "timeZone");
        if (Hours.Count == 0)
        {
            throw new RuleException("hours", new LocalText("Adm3_Problem.CalendarHours"));
        }

        var hours = Hours.Select((p, i) => p.ToPeriod($"hours[{i}]")).ToList();
        var holidays = (Holidays ?? []).Select((h, i) => h.ToHoliday($"holidays[{i}]")).ToList();
        var twice = holidays.GroupBy(h => h.Date).FirstOrDefault(g => g.Count() > 1);
        return twice is null
            ? (zone, hours, holidays)
            : throw new RuleException("holidays", new LocalText("Adm3_Problem.HolidayTwice", twice.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}

public sealed record PeriodJson(DayOfWeek Day, string From, string To)
{
    public OpeningPeriod ToPeriod(string field)
    {
        var from = CalendarTime.Minutes(From, $"{field}.from");
        var to = CalendarTime.Minutes(To, $"{field}.to");
        return to > from ? new OpeningPeriod(Day, from, to) : throw new RuleException($"{field}.to", new LocalText("Adm3_Problem.PeriodOrder"));
    }

    public static PeriodJson Of(OpeningPeriod p) => new(p.Day, CalendarTime.Format(p.From), CalendarTime.Format(p.To));
}

/// <summary>A closed date; give <c>closedFrom</c> and/or <c>closedUntil</c> to close only part of it.</summary>
public sealed record HolidayJson(DateOnly Date, [StringLength(200)] string? Name = null, string? ClosedFrom = null, string? ClosedUntil = null)
{
    public Holiday ToHoliday(string field)
    {
        int? from = ClosedFrom is null ? null : CalendarTime.Minutes(ClosedFrom, $"{field}.closedFrom");
        int? until = ClosedUntil is null ? null : CalendarTime.Minutes(ClosedUntil, $"{field}.closedUntil");
        return (from ?? 0) < (until ?? BusinessHours.MinutesPerDay)
            ? new Holiday(Date, string.IsNullOrWhiteSpace(Name) ? "Holiday" : Name.Trim(), from, until)
            : throw new RuleException($"{field}.closedUntil", new LocalText("Adm3_Problem.ClosureOrder"));
    }

    public static HolidayJson Of(Holiday h) => new(h.Date, h.Name,
        h.ClosedFrom is { } f ? CalendarTime.Format(f) : null, h.ClosedUntil is { } u ? CalendarTime.Format(u) : null);
}

public sealed record CalendarView(long Id, string Name, string TimeZone, IReadOnlyList<PeriodJson> Hours, IReadOnlyList<HolidayJson> Holidays, DateTime UpdatedAt)
{
    public static CalendarView From(BusinessCalendar c) =>
        new(c.Id, c.Name, c.TimeZone, [.. c.Hours.Select(PeriodJson.Of)], [.. c.Holidays.Select(HolidayJson.Of)], c.UpdatedAt);
}

public static class CalendarTime
{
    public static TimeZoneInfo Zone(string id, string field)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new RuleException(field, new LocalText("Adm3_Problem.UnknownTimeZone", id));
        }
    }

    public static int Minutes(string text, string field)
    {
        var parts = text.Split(':');
        if (parts.Length == 2 && parts[0].Length is 1 or 2 && parts[1].Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && m < 60 && ((h * 60) + m) <= BusinessHours.MinutesPerDay)
        {
            return (h * 60) + m;
        }

        throw new RuleException(field, new LocalText("Adm3_Problem.NotATime", text));
    }

    public static string Format(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");
}
