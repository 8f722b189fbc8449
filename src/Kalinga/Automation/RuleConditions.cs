using System.Text.Json;

namespace Kalinga.Automation;

/// <summary>Every condition in <c>all</c> must hold, and at least one in <c>any</c> (when <c>any</c> has some).</summary>
public sealed record RuleConditions(IReadOnlyList<RuleCondition>? All = null, IReadOnlyList<RuleCondition>? Any = null)
{
    public IEnumerable<RuleCondition> Every => (All ?? []).Concat(Any ?? []);
}

/// <summary>
/// One test on a ticket, such as <c>{"field":"priority","op":"in","value":["high","urgent"]}</c>.
/// Fields and operators are listed in docs/sla-and-rules.md and checked by <see cref="RuleValidator"/>.
/// </summary>
public sealed record RuleCondition(string Field, string Op, JsonElement? Value = null)
{
    /// <summary>The value as text: one string, or each element of an array.</summary>
    public IReadOnlyList<string> Values => Value is not { } v ? []
        : v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(Text)]
        : [Text(v)];

    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "",
        _ => e.GetRawText(),
    };
}
