using Kalinga.Automation;
using Kalinga.Localization.Resources;
using Kalinga.Tickets;
using Microsoft.Extensions.Localization;

namespace Kalinga.Web.Agent;

/// <summary>A rule's or macro's action in a line an agent reads ("Status: Solved", "Add tags: refund").</summary>
public sealed class ActionText(IStringLocalizer<AgentUi> text, Labels labels)
{
    public string Describe(RuleAction a, Lookups lookups) => a.Type switch
    {
        RuleAction.Assign => text["MacroPicker.DoAssign", string.Join(" · ", new[] { lookups.AgentName(a.AgentId), lookups.TeamName(a.TeamId) }.Where(n => n.Length > 0))],
        RuleAction.Set => text["MacroPicker.DoSet", Field(a.Field ?? ""), Value(a.Field ?? "", a.ValueText, lookups)],
        RuleAction.AddTags => text["MacroPicker.DoAddTags", string.Join(", ", a.Tags ?? [])],
        RuleAction.RemoveTags => text["MacroPicker.DoRemoveTags", string.Join(", ", a.Tags ?? [])],
        RuleAction.Reply => text["MacroPicker.DoReply"],
        RuleAction.Note => text["MacroPicker.DoNote"],
        RuleAction.Notify => text["MacroPicker.DoNotify", Recipient(a.To ?? "", lookups)],
        RuleAction.Webhook => text["MacroPicker.DoWebhook", a.Url ?? ""],
        _ => a.Type,
    };

    public string Field(string field) => field switch
    {
        "status" => text["Field.Status"],
        "priority" => text["Field.Priority"],
        "reason" => text["Field.Reason"],
        "language" => text["Field.Language"],
        _ => field,
    };

    private string Recipient(string to, Lookups lookups) => to switch
    {
        "assignee" => text["Field.Assignee"],
        "team" => text["Field.Team"],
        _ when to.StartsWith("agent:", StringComparison.Ordinal) && long.TryParse(to[6..], System.Globalization.CultureInfo.InvariantCulture, out var id) => lookups.AgentName(id),
        _ => to,
    };

    private string Value(string field, string value, Lookups lookups)
    {
        try
        {
            return field switch
            {
                "status" => Labels.Status(EnumWords.Parse<TicketStatus>(value, "value")),
                "priority" => Labels.Priority(EnumWords.Parse<Priority>(value, "value")),
                "reason" => Labels.Reason(value, lookups),
                "language" => labels.Language(value),
                _ => value,
            };
        }
        catch (RuleException)
        {
            return value;
        }
    }
}
