using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Kalinga.Automation;

/// <summary>A rule as the API writes it; validated as a whole by <see cref="RuleValidator"/> before it is saved.</summary>
public sealed record RuleRequest(
    [Required, StringLength(200, MinimumLength = 1)] string Name,
    [Required] RuleConditions Conditions,
    [Required] IReadOnlyList<RuleAction> Actions,
    RuleKind Kind = RuleKind.Trigger,
    IReadOnlyList<string>? Events = null,
    int Position = 100,
    bool IsActive = true)
{
    public void ApplyTo(Rule rule, DateTime now)
    {
        var changed = JsonSerializer.Serialize(rule.Conditions) != JsonSerializer.Serialize(Conditions);
        rule.Name = Name.Trim();
        rule.Position = Position;
        rule.IsActive = IsActive;
        rule.Events = [.. Events ?? []];
        rule.Conditions = Conditions;
        rule.Actions = [.. Actions];
        rule.UpdatedAt = now;

        // New conditions may select tickets the old ones passed over, so an automation looks at all of them again.
        if (changed)
        {
            rule.ScannedUntil = null;
        }
    }
}

public sealed record RuleView(
    long Id, string Name, RuleKind Kind, int Position, bool IsActive, IReadOnlyList<string> Events, RuleConditions Conditions,
    IReadOnlyList<RuleAction> Actions, DateTime UpdatedAt)
{
    public static RuleView From(Rule r) =>
        new(r.Id, r.Name, r.Kind, r.Position, r.IsActive, r.Events, r.Conditions, [.. r.Actions.Select(a => a.Redacted())], r.UpdatedAt);
}
