namespace Kalinga.Automation;

/// <summary>A named set of actions and a reply with one variant per language, applied by an agent in one click.</summary>
public sealed class Macro
{
    private Macro()
    {
    }

    public Macro(string name, DateTime now)
    {
        Name = name;
        UpdatedAt = now;
    }

    public long Id { get; private set; }

    public string Name { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public List<RuleAction> Actions { get; set; } = [];

    /// <summary>The reply per language (en required when any is given); empty when the macro only changes fields.</summary>
    public Dictionary<string, string> Templates { get; set; } = [];

    public DateTime UpdatedAt { get; set; }
}
