namespace Kalinga.Automation;

public enum RuleKind
{
    /// <summary>Runs when one of its <see cref="Rule.Events"/> happens to a ticket.</summary>
    Trigger,

    /// <summary>Runs once per ticket when a time threshold passes (for example pending for 72 hours).</summary>
    Automation,
}

/// <summary>
/// "When this happens and these conditions hold, do that." Rules are data: conditions and actions are JSON
/// validated on save, tried in <see cref="Position"/> order, and every action they take is on the ticket's
/// timeline with the rule as actor.
/// </summary>
public sealed class Rule
{
    private Rule()
    {
    }

    public Rule(string name, RuleKind kind, DateTime now)
    {
        Name = name;
        Kind = kind;
        UpdatedAt = now;
    }

    public long Id { get; private set; }

    public string Name { get; set; } = "";

    public RuleKind Kind { get; private set; }

    public int Position { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>For triggers: the trigger events it listens to (see <see cref="TriggerEvents"/>).</summary>
    public List<string> Events { get; set; } = [];

    public RuleConditions Conditions { get; set; } = new();

    public List<RuleAction> Actions { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    /// <summary>For automations: tickets whose time anchor is up to this instant were already looked at.</summary>
    public DateTime? ScannedUntil { get; set; }
}
