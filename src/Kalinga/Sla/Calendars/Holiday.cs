namespace Kalinga.Sla.Calendars;

/// <summary>
/// A local date on which the desk is closed: the whole day, or only from <see cref="ClosedFrom"/> (for example
/// Christmas Eve from 13:00) and/or until <see cref="ClosedUntil"/>, in minutes after local midnight.
/// </summary>
public sealed record Holiday(DateOnly Date, string Name, int? ClosedFrom = null, int? ClosedUntil = null)
{
    public (int From, int Until) Closure => (ClosedFrom ?? 0, ClosedUntil ?? BusinessHours.MinutesPerDay);
}
