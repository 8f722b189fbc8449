using System.Globalization;
using System.Text.Json;
using Kalinga.Automation;

namespace Kalinga.Web.Agent.Pages.Admin;

/// <summary>A rule's or macro's action while an admin edits it: every field as the form shows it.</summary>
public sealed class ActionDraft
{
    public string Type { get; set; } = RuleAction.Set;

    public string Field { get; set; } = "status";

    public string CustomKey { get; set; } = "";

    public string Value { get; set; } = "";

    public long? AgentId { get; set; }

    public long? TeamId { get; set; }

    /// <summary>Tags separated by commas.</summary>
    public string Tags { get; set; } = "";

    public Dictionary<string, string> Templates { get; set; } = [];

    public string To { get; set; } = "assignee";

    public string Url { get; set; } = "";

    public string Secret { get; set; } = "";

    public static ActionDraft From(RuleAction a) => new()
    {
        Type = a.Type,
        Field = a.Field is { } f && f.StartsWith(RuleFields.CustomPrefix, StringComparison.Ordinal) ? RuleFields.CustomPrefix : a.Field ?? "status",
        CustomKey = a.Field is { } k && k.StartsWith(RuleFields.CustomPrefix, StringComparison.Ordinal) ? k[RuleFields.CustomPrefix.Length..] : "",
        Value = a.ValueText,
        AgentId = a.AgentId,
        TeamId = a.TeamId,
        Tags = string.Join(", ", a.Tags ?? []),
        Templates = new Dictionary<string, string>(a.Templates ?? new Dictionary<string, string>()),
        To = a.To ?? "assignee",
        Url = a.Url ?? "",
        Secret = a.Secret ?? "",
    };

    public RuleAction ToAction() => Type switch
    {
        RuleAction.Assign => new RuleAction(Type, AgentId: AgentId, TeamId: TeamId),
        RuleAction.Set => new RuleAction(Type, Field: Field == RuleFields.CustomPrefix ? RuleFields.CustomPrefix + CustomKey.Trim() : Field, Value: JsonSerializer.SerializeToElement(Value.Trim())),
        RuleAction.AddTags or RuleAction.RemoveTags => new RuleAction(Type, Tags: Split(Tags)),
        RuleAction.Reply or RuleAction.Note => new RuleAction(Type, Templates: Filled(Templates)),
        RuleAction.Notify => new RuleAction(Type, To: To, Templates: Filled(Templates)),
        RuleAction.Webhook => new RuleAction(Type, Url: Url.Trim(), Secret: Secret),
        _ => new RuleAction(Type),
    };

    public static List<string> Split(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The languages an admin wrote something for; empty boxes are not variants.</summary>
    public static Dictionary<string, string> Filled(Dictionary<string, string> templates) =>
        templates.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value);

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
