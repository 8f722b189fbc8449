namespace Kalinga.Sla.Calendars;

/// <summary>The opening hours of one office or country: a time zone, weekly periods and holidays.</summary>
public sealed class BusinessCalendar
{
    private BusinessCalendar()
    {
    }

    public BusinessCalendar(string name, string timeZone, IEnumerable<OpeningPeriod> hours, IEnumerable<Holiday> holidays, DateTime now)
    {
        Name = name.Trim();
        Update(name, timeZone, hours, holidays, now);
    }

    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>An IANA zone id such as <c>Europe/Warsaw</c>.</summary>
    public string TimeZone { get; private set; } = "UTC";

    public List<OpeningPeriod> Hours { get; private set; } = [];

    public List<Holiday> Holidays { get; private set; } = [];

    public DateTime UpdatedAt { get; private set; }

    public void Update(string name, string timeZone, IEnumerable<OpeningPeriod> hours, IEnumerable<Holiday> holidays, DateTime now)
    {
        Name = name.Trim();
        TimeZone = timeZone;
        Hours = [.. hours.OrderBy(p => p.Day).ThenBy(p => p.From)];
        Holidays = [.. holidays.OrderBy(h => h.Date)];
        UpdatedAt = now;
    }

    /// <summary>Adds imported holidays; a date already present keeps its entry, so importing twice changes nothing.</summary>
    public int AddHolidays(IEnumerable<Holiday> holidays, DateTime now)
    {
        var known = Holidays.Select(h => h.Date).ToHashSet();
        var added = holidays.Where(h => known.Add(h.Date)).ToList();
        if (added.Count > 0)
        {
            Holidays = [.. Holidays.Concat(added).OrderBy(h => h.Date)];
            UpdatedAt = now;
        }

        return added.Count;
    }

    public TimeZoneInfo FindZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public BusinessHours ToBusinessHours() => new(FindZone(), Hours, Holidays);
}
