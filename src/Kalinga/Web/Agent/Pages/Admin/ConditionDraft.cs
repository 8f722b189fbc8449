using System.Text.Json;
using Kalinga.Automation;

namespace Kalinga.Web.Agent.Pages.Admin;

/// <summary>A rule condition while an admin edits it; lists (for <c>in</c>, <c>not_in</c>) are written with commas.</summary>
public sealed class ConditionDraft
{
    public string Field { get; set; } = "status";

    public string CustomKey { get; set; } = "";

    public string Op { get; set; } = RuleFields.Is;

    public string Value { get; set; } = "";

    public static ConditionDraft From(RuleCondition c) => new()
    {
        Field = c.Field.StartsWith(RuleFields.CustomPrefix, StringComparison.Ordinal) ? RuleFields.CustomPrefix : c.Field,
        CustomKey = c.Field.StartsWith(RuleFields.CustomPrefix, StringComparison.Ordinal) ? c.Field[RuleFields.CustomPrefix.Length..] : "",
        Op = c.Op,
        Value = string.Join(", ", c.Values),
    };

    public RuleCondition ToCondition()
    {
        var field = Field == RuleFields.CustomPrefix ? RuleFields.CustomPrefix + CustomKey.Trim() : Field;
        var value = Op is RuleFields.In or RuleFields.NotIn
            ? JsonSerializer.SerializeToElement(ActionDraft.Split(Value))
            : JsonSerializer.SerializeToElement(Value.Trim());
        return new RuleCondition(field, Op, value);
    }

    /// <summary>After the field changes, keep the operator only if the new field takes it.</summary>
    public void FieldChanged()
    {
        var ops = RuleFields.OperatorsOf(Field);
        if (!ops.Contains(Op))
        {
            Op = ops[0];
        }
    }
}
