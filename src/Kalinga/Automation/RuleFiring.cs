namespace Kalinga.Automation;

/// <summary>
/// Records that a rule ran for an event (trigger) or for a ticket at a time anchor (automation), so a redelivered
/// event or a repeated scan never runs it twice.
/// </summary>
public sealed class RuleFiring
{
    private RuleFiring()
    {
    }

    public RuleFiring(long ruleId, string key, long ticketId, DateTime now)
    {
        RuleId = ruleId;
        Key = key;
        TicketId = ticketId;
        FiredAt = now;
    }

    public long Id { get; private set; }

    public long RuleId { get; private set; }

    /// <summary><c>e{eventId}</c> for triggers, <c>t{ticketId}@{anchor ticks}</c> for automations.</summary>
    public string Key { get; private set; } = "";

    public long TicketId { get; private set; }

    public DateTime FiredAt { get; private set; }
}
