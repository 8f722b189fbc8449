namespace Kalinga.Sla.Calendars;

/// <summary>
/// Business-time arithmetic over one calendar, on UTC instants. Pure and allocation-light: it walks local dates,
/// turns each day's opening periods into UTC intervals and adds or measures time within them.
/// Local times that a DST change makes ambiguous resolve to their earlier instant; times it skips move forward by
/// the length of the gap (02:30 on the spring-forward night counts as 03:30), as java.time and NodaTime do.
/// A day's periods therefore measure real elapsed time: an all-day period lasts 23 h or 25 h on a change day.
/// </summary>
public sealed class BusinessHours
{
    public const int MinutesPerDay = 1440;

    /// <summary>Round the clock in UTC: business time is calendar time.</summary>
    public static readonly BusinessHours AlwaysOpen = new(
        TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, 0, MinutesPerDay)), []);

    /// <summary>No calendar in use opens less than once in this many days; it bounds the walk.</summary>
    private const int MaxDays = 3 * 366;

    private readonly TimeZoneInfo zone;
    private readonly (int From, int To)[][] week = new (int, int)[7][];
    private readonly Dictionary<DateOnly, (int From, int Until)> closures;
    private readonly bool alwaysOpen;

    public BusinessHours(TimeZoneInfo zone, IEnumerable<OpeningPeriod> periods, IEnumerable<Holiday> holidays)
    {
        this.zone = zone;
        var byDay = periods.ToLookup(p => p.Day);
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            week[(int)day] = Merge(byDay[day].Select(p => (p.From, p.To)));
        }

        closures = holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => (g.Min(h => h.Closure.From), g.Max(h => h.Closure.Until)));
        alwaysOpen = zone == TimeZoneInfo.Utc && closures.Count == 0 && week.All(d => d is [(0, MinutesPerDay)]);
    }

    /// <summary>The instant at which <paramref name="duration"/> of business time has passed since <paramref name="start"/>.</summary>
    public DateTime Add(DateTime start, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || alwaysOpen)
        {
            return start + (duration > TimeSpan.Zero ? duration : TimeSpan.Zero);
        }

        var remaining = duration;
        var date = LocalDate(start);
        for (var i = 0; i < MaxDays; i++, date = date.AddDays(1))
        {
            foreach (var (from, to) in OpenIntervals(date))
            {
                var s = from > start ? from : start;
                if (to <= s)
                {
                    continue;
                }

                if (to - s >= remaining)
                {
                    return s + remaining;
                }

                remaining -= to - s;
            }
        }

        throw new InvalidOperationException($"The calendar does not open within {MaxDays} days of {start:O}.");
    }

    /// <summary>Business time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Between(DateTime from, DateTime to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (alwaysOpen)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        var last = LocalDate(to);
        for (var date = LocalDate(from); date <= last; date = date.AddDays(1))
        {
            foreach (var (s, e) in OpenIntervals(date))
            {
                var a = s > from ? s : from;
                var b = e < to ? e : to;
                if (b > a)
                {
                    total += b - a;
                }
            }
        }

        return total;
    }

    public bool IsOpen(DateTime instant) =>
        alwaysOpen || OpenIntervals(LocalDate(instant)).Any(i => i.From <= instant && instant < i.To);

    /// <summary>The day's opening periods less its holiday closure, as UTC intervals in order.</summary>
    private IEnumerable<(DateTime From, DateTime To)> OpenIntervals(DateOnly date)
    {
        var closed = closures.TryGetValue(date, out var c) ? c : (From: 0, Until: 0);
        foreach (var (from, to) in week[(int)date.DayOfWeek])
        {
            foreach (var (a, b) in Subtract(from, to, closed.From, closed.Until))
            {
                var s = ToUtc(date, a);
                var e = ToUtc(date, b);
                if (e > s)
                {
                    yield return (s, e);
                }
            }
        }
    }

    private static IEnumerable<(int, int)> Subtract(int from, int to, int closedFrom, int closedUntil)
    {
        if (closedUntil <= from || closedFrom >= to || closedUntil <= closedFrom)
        {
            yield return (from, to);
            yield break;
        }

        if (closedFrom > from)
        {
            yield return (from, closedFrom);
        }

        if (closedUntil < to)
        {
            yield return (closedUntil, to);
        }
    }

    private DateTime ToUtc(DateOnly date, int minute)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
        if (zone.IsInvalidTime(local))
        {
            // Skipped by a spring-forward change: the offset in force the day before moves it past the gap.
            return DateTime.SpecifyKind(local - zone.GetUtcOffset(local.AddDays(-1)), DateTimeKind.Utc);
        }

        if (zone.IsAmbiguousTime(local))
        {
            return DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private DateOnly LocalDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    private static (int From, int To)[] Merge(IEnumerable<(int From, int To)> periods)
    {
        var merged = new List<(int From, int To)>();
        foreach (var (from, to) in periods.Where(p => p.To > p.From).OrderBy(p => p.From))
        {
            if (merged.Count > 0 && from <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, to));
            }
            else
            {
                merged.Add((from, to));
            }
        }

        return [.. merged];
    }
}
