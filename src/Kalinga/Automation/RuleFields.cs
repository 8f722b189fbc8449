using System.Globalization;
using Kalinga.Channels;
using Kalinga.Localization;
using Kalinga.Sla;
using Kalinga.Tickets;
using Kalinga.Web;

namespace Kalinga.Automation;

/// <summary>The condition fields and operators rules understand, and the check of one condition.</summary>
public static class RuleFields
{
    public const string Is = "is";
    public const string IsNot = "is_not";
    public const string In = "in";
    public const string NotIn = "not_in";
    public const string Contains = "contains";
    public const string NotContains = "not_contains";
    public const string Gte = "gte";
    public const string Lte = "lte";
    public const string CustomPrefix = "custom.";

    private static readonly string[] Choice = [Is, IsNot, In, NotIn];
    private static readonly string[] Text = [Is, IsNot, Contains, NotContains];
    private static readonly string[] Set = [Contains, NotContains];
    private static readonly string[] Range = [Gte, Lte];

    private static readonly Dictionary<string, string[]> Ops = new(StringComparer.Ordinal)
    {
        ["status"] = Choice,
        ["priority"] = [.. Choice, .. Range],
        ["reason"] = Choice,
        ["channel"] = Choice,
        ["language"] = Choice,
        ["tags"] = Set,
        ["segment"] = Set,
        ["vip"] = [Is],
        ["organization"] = Choice,
        ["assignee"] = Choice,
        ["team"] = Choice,
        ["subject"] = Text,
        ["body"] = Text,
        ["sla_metric"] = Choice,
        ["hours_since_created"] = Range,
        ["hours_since_updated"] = Range,
        ["hours_since_status_change"] = Range,
    };

    public static IReadOnlyCollection<string> Names => Ops.Keys;

    /// <summary>The operators a field takes (text operators for <c>custom.&lt;key&gt;</c> and unknown fields).</summary>
    public static IReadOnlyList<string> OperatorsOf(string field) => Ops.TryGetValue(field, out var ops) ? ops : Text;

    public static bool IsHours(string field) => field.StartsWith("hours_since_", StringComparison.Ordinal);

    /// <summary>Checks one condition; <paramref name="path"/> names it in the 400 (for example <c>conditions.all[1]</c>).</summary>
    public static void Check(RuleCondition c, string path, IReadOnlySet<string> reasons)
    {
        var custom = c.Field.StartsWith(CustomPrefix, StringComparison.Ordinal) && c.Field.Length > CustomPrefix.Length;
        if (!Ops.TryGetValue(c.Field, out var ops) && !custom)
        {
            throw new RuleException($"{path}.field", new LocalText("Adm3_Problem.UnknownField", c.Field, string.Join(", ", Names)));
        }

        ops ??= Text;
        if (!ops.Contains(c.Op))
        {
            throw new RuleException($"{path}.op", new LocalText("Adm3_Problem.FieldOperators", c.Field, string.Join(", ", ops)));
        }

        var values = c.Values;
        var list = c.Op is In or NotIn;
        if (values.Count == 0 || (!list && values.Count != 1) || values.Any(v => v.Length > 1000))
        {
            throw new RuleException($"{path}.value", list ? new LocalText("Adm3_Problem.ValueList") : new LocalText("Adm3_Problem.ValueOne"));
        }

        foreach (var v in values)
        {
            CheckValue(c.Field, c.Op, v, $"{path}.value", reasons);
        }
    }

    private static void CheckValue(string field, string op, string v, string path, IReadOnlySet<string> reasons)
    {
        var ok = field switch
        {
            "status" => Enum.GetValues<TicketStatus>().Any(s => EnumWords.Word(s) == v),
            "priority" => Enum.GetValues<Priority>().Any(s => EnumWords.Word(s) == v),
            "channel" => Enum.GetValues<Channel>().Any(s => EnumWords.Word(s) == v),
            "sla_metric" => Enum.GetValues<SlaMetric>().Any(s => EnumWords.Word(s) == v),
            "reason" => reasons.Contains(v),
            "language" => Languages.IsSupported(v),
            "vip" => v is "true" or "false",
            "organization" or "assignee" or "team" => v == "none" || long.TryParse(v, CultureInfo.InvariantCulture, out _),
            _ when IsHours(field) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && h is >= 0 and <= 24 * 366,
            _ => op is Is or IsNot || v.Length > 0,
        };
        if (!ok)
        {
            throw new RuleException(path, new LocalText("Adm3_Problem.NotValidFor", v, field));
        }
    }
}
