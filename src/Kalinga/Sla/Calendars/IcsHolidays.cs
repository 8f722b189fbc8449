using System.Globalization;
using System.Text;

namespace Kalinga.Sla.Calendars;

/// <summary>
/// Reads holidays from an iCalendar file (RFC 5545), the format public-holiday feeds and office calendars export.
/// Only what holidays need: VEVENT with DTSTART/DTEND/SUMMARY. An all-day event (<c>VALUE=DATE</c>) closes every date
/// up to its exclusive DTEND; a timed event closes part of its day, read in the calendar's own zone (UTC times,
/// ending in Z, are converted into it). <c>RRULE:FREQ=YEARLY</c> (fixed-date holidays) is expanded.
/// </summary>
public static class IcsHolidays
{
    private const int MaxYearlyRepeats = 10;

    public static List<Holiday> Parse(string text, TimeZoneInfo zone)
    {
        var holidays = new List<Holiday>();
        Dictionary<string, (string Params, string Value)>? e = null;
        var lineNumber = 0;
        foreach (var line in Unfold(text))
        {
            lineNumber++;
            if (line.Equals("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase))
            {
                e = [];
            }
            else if (line.Equals("END:VEVENT", StringComparison.OrdinalIgnoreCase) && e is not null)
            {
                holidays.AddRange(ToHolidays(e, zone, lineNumber));
                e = null;
            }
            else if (e is not null && line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                var head = line[..colon];
                var semicolon = head.IndexOf(';', StringComparison.Ordinal);
                var name = (semicolon < 0 ? head : head[..semicolon]).ToUpperInvariant();
                e.TryAdd(name, (semicolon < 0 ? "" : head[(semicolon + 1)..].ToUpperInvariant(), line[(colon + 1)..]));
            }
        }

        return holidays;
    }

    private static IEnumerable<Holiday> ToHolidays(Dictionary<string, (string Params, string Value)> e, TimeZoneInfo zone, int line)
    {
        if (!e.TryGetValue("DTSTART", out var start))
        {
            throw new RuleException("ics", new LocalText("Adm3_Problem.IcsNoStart", line));
        }

        var name = e.TryGetValue("SUMMARY", out var summary) ? Unescape(summary.Value) : "Holiday";
        name = name.Length > 200 ? name[..200] : name;
        var (from, fromMinute) = ReadDate(start.Value, zone, line);
        var days = new List<Holiday>();
        if (fromMinute is null)
        {
            var (until, _) = e.TryGetValue("DTEND", out var end) ? ReadDate(end.Value, zone, line) : (from.AddDays(1), null);
            for (var d = from; d < until || d == from; d = d.AddDays(1))
            {
                days.Add(new Holiday(d, name));
            }
        }
        else
        {
            var (untilDate, untilMinute) = e.TryGetValue("DTEND", out var end) ? ReadDate(end.Value, zone, line) : (from, BusinessHours.MinutesPerDay);
            var closedUntil = untilDate > from ? BusinessHours.MinutesPerDay : untilMinute ?? BusinessHours.MinutesPerDay;
            days.Add(new Holiday(from, name, fromMinute, closedUntil));
        }

        var repeats = Repeats(e.TryGetValue("RRULE", out var rule) ? rule.Value : null, from);
        return days.SelectMany(h => Enumerable.Range(0, repeats).Select(y => h with { Date = h.Date.AddYears(y) }));
    }

    /// <summary>How many yearly occurrences to create (1 when the event does not repeat yearly).</summary>
    private static int Repeats(string? rule, DateOnly first)
    {
        if (rule is null)
        {
            return 1;
        }

        var parts = rule.Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].ToUpperInvariant(), p => p[1], StringComparer.Ordinal);
        if (parts.GetValueOrDefault("FREQ")?.ToUpperInvariant() != "YEARLY" || parts.Keys.Any(k => k.StartsWith("BY", StringComparison.Ordinal)))
        {
            return 1;
        }

        if (parts.TryGetValue("COUNT", out var count) && int.TryParse(count, CultureInfo.InvariantCulture, out var n))
        {
            return Math.Clamp(n, 1, MaxYearlyRepeats);
        }

        if (parts.TryGetValue("UNTIL", out var until) && until.Length >= 8
            && DateOnly.TryParseExact(until[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
        {
            return Math.Clamp(last.Year - first.Year + 1, 1, MaxYearlyRepeats);
        }

        return MaxYearlyRepeats;
    }

    /// <summary>A DATE (yyyyMMdd) or DATE-TIME (yyyyMMddTHHmmss[Z]) as a local date and, for a time, minutes after midnight.</summary>
    private static (DateOnly Date, int? Minute) ReadDate(string value, TimeZoneInfo zone, int line)
    {
        value = value.Trim();
        if (value.Length == 8 && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date, null);
        }

        var utc = value.EndsWith('Z');
        if (DateTime.TryParseExact(value.TrimEnd('Z'), "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            if (utc)
            {
                time = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(time, DateTimeKind.Utc), zone);
            }

            return (DateOnly.FromDateTime(time), (time.Hour * 60) + time.Minute);
        }

        throw new RuleException("ics", new LocalText("Adm3_Problem.IcsBadDate", value, line));
    }

    /// <summary>RFC 5545 §3.1: a line that starts with a space or tab continues the previous one.</summary>
    private static IEnumerable<string> Unfold(string text)
    {
        var current = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }

            current.Clear().Append(line);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string Unescape(string value) =>
        value.Replace("\\n", " ", StringComparison.OrdinalIgnoreCase).Replace("\\,", ",", StringComparison.Ordinal)
            .Replace("\\;", ";", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal).Trim();
}
