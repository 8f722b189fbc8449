namespace Kalinga.Sla;

/// <summary>
/// One target on one ticket, in its current cycle. Due and warning times are stored so the scanner finds what
/// needs attention through one index on <see cref="NextCheckAt"/> instead of looking at every open ticket.
/// </summary>
public sealed class SlaClock
{
    private SlaClock()
    {
    }

    public SlaClock(long ticketId, SlaMetric metric)
    {
        TicketId = ticketId;
        Metric = metric;
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public SlaMetric Metric { get; private set; }

    public long? PolicyId { get; private set; }

    public long? CalendarId { get; private set; }

    public int TargetMinutes { get; private set; }

    public int Cycle { get; private set; }

    public DateTime CycleStartedAt { get; private set; }

    /// <summary>Null while the clock is paused (the due time is unknown until it runs again).</summary>
    public DateTime? DueAt { get; private set; }

    public DateTime? WarnAt { get; private set; }

    public bool IsPaused { get; private set; }

    public DateTime? WarnedAt { get; private set; }

    public DateTime? BreachedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public SlaOutcome? Outcome { get; private set; }

    /// <summary>The last cycle whose end was reported (sla.met / sla.missed), so it is reported once.</summary>
    public int ReportedCycle { get; internal set; }

    /// <summary>When the scanner must look next: the warning time, then the due time, then never.</summary>
    public DateTime? NextCheckAt { get; private set; }

    public SlaRisk Risk { get; private set; }

    public int Version { get; private set; }

    public void Track(long policyId, long? calendarId, int targetMinutes, SlaCycle cycle, DateTime? dueAt, DateTime? warnAt, SlaOutcome? outcome, DateTime now)
    {
        if (cycle.Number != Cycle)
        {
            WarnedAt = null;
            BreachedAt = null;
        }

        PolicyId = policyId;
        CalendarId = calendarId;
        TargetMinutes = targetMinutes;
        Cycle = cycle.Number;
        CycleStartedAt = cycle.Start;
        DueAt = dueAt;
        WarnAt = warnAt;
        IsPaused = cycle.IsPaused;
        CompletedAt = cycle.Stop;
        Outcome = outcome;

        // A longer target (priority lowered, policy changed) takes back a warning that no longer holds.
        if (WarnedAt is not null && BreachedAt is null && (warnAt is null || warnAt > now) && !IsPaused)
        {
            WarnedAt = null;
        }

        Refresh();
    }

    public void MarkWarned(DateTime now)
    {
        WarnedAt = now;
        Refresh();
    }

    public void MarkBreached(DateTime now)
    {
        BreachedAt = now;
        WarnedAt ??= now;
        Refresh();
    }

    private void Refresh()
    {
        Version++;
        Risk = BreachedAt is not null ? SlaRisk.Breached : WarnedAt is not null ? SlaRisk.AtRisk : SlaRisk.None;
        NextCheckAt = CompletedAt is not null ? null
            : WarnedAt is null && WarnAt is not null ? WarnAt
            : BreachedAt is null ? DueAt
            : null;
    }
}
