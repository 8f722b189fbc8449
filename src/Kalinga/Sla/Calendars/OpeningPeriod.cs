namespace Kalinga.Sla.Calendars;

/// <summary>
/// One stretch of opening time on a weekday, in minutes after local midnight (<c>To</c> may be 1440, "24:00").
/// A day can have several (09:00–12:00 and 13:00–17:00); a period never crosses midnight.
/// </summary>
public sealed record OpeningPeriod(DayOfWeek Day, int From, int To);
