using Kalinga.Tickets;

namespace Kalinga.Sla;

/// <summary>
/// Promised response and resolution times for the tickets its conditions select. Policies are ordered; for each
/// target, the first active policy that matches the ticket and sets that target wins, so a complaint policy that
/// only promises resolution leaves first response to the channel's policy.
/// </summary>
public sealed class SlaPolicy
{
    private SlaPolicy()
    {
    }

    public SlaPolicy(string name, DateTime now)
    {
        Name = name;
        UpdatedAt = now;
    }

    public long Id { get; private set; }

    public string Name { get; set; } = "";

    /// <summary>Lower comes first.</summary>
    public int Position { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The business calendar the clock runs on; null means round the clock.</summary>
    public long? CalendarId { get; set; }

    public bool PauseWhilePending { get; set; } = true;

    public bool PauseWhileOnHold { get; set; } = true;

    public SlaConditions Conditions { get; set; } = new();

    public List<SlaTarget> Targets { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    /// <summary>The target in minutes for a priority: its own entry if it sets the metric, else the any-priority entry.</summary>
    public int? TargetFor(SlaMetric metric, Priority priority) =>
        Targets.FirstOrDefault(t => t.Priority == priority)?.Minutes(metric) ?? Targets.FirstOrDefault(t => t.Priority is null)?.Minutes(metric);

    public bool Pauses(TicketStatus status) =>
        (status == TicketStatus.Pending && PauseWhilePending) || (status == TicketStatus.OnHold && PauseWhileOnHold);

    /// <summary>The first policy (in order) that matches and sets the metric, with its target minutes.</summary>
    public static (SlaPolicy Policy, int Minutes)? Select(IEnumerable<SlaPolicy> ordered, SlaMetric metric, SlaSubject subject)
    {
        foreach (var policy in ordered.Where(p => p.IsActive && p.Conditions.Matches(subject)))
        {
            if (policy.TargetFor(metric, subject.Priority) is { } minutes)
            {
                return (policy, minutes);
            }
        }

        return null;
    }
}
