using System.Globalization;
using Kalinga.Search;
using Kalinga.Tickets;
using Kalinga.Web;

namespace Kalinga.Automation;

/// <summary>
/// What conditions see: the ticket as it is now, its customer, and the event that set the rule off
/// (<c>body</c> is the text of the message that arrived, or the customer's latest message).
/// </summary>
public sealed record RuleContext(
    Ticket Ticket, string Reason, IReadOnlyCollection<string> Tags, bool Vip, IReadOnlyList<string> Segments, string? Body, string? SlaMetric, DateTime Now)
{
    public bool Matches(RuleConditions conditions) =>
        (conditions.All ?? []).All(Holds) && (conditions.Any is not { Count: > 0 } any || any.Any(Holds));

    public bool Holds(RuleCondition c)
    {
        var values = c.Values;
        var value = values.Count > 0 ? values[0] : "";
        if (RuleFields.IsHours(c.Field))
        {
            var hours = Hours(c.Field);
            var limit = double.Parse(value, CultureInfo.InvariantCulture);
            return c.Op == RuleFields.Gte ? hours >= limit : hours <= limit;
        }

        if (c.Field == "priority" && c.Op is RuleFields.Gte or RuleFields.Lte)
        {
            var limit = EnumWords.Parse<Priority>(value, "value");
            return c.Op == RuleFields.Gte ? Ticket.Priority >= limit : Ticket.Priority <= limit;
        }

        var actual = Read(c.Field);
        var set = actual as IReadOnlyCollection<string>;
        var text = actual as string ?? "";
        return c.Op switch
        {
            RuleFields.Is => set?.Contains(value, StringComparer.OrdinalIgnoreCase) ?? Same(text, value),
            RuleFields.IsNot => !(set?.Contains(value, StringComparer.OrdinalIgnoreCase) ?? Same(text, value)),
            RuleFields.In => set?.Any(s => values.Contains(s, StringComparer.OrdinalIgnoreCase)) ?? values.Any(v => Same(text, v)),
            RuleFields.NotIn => !(set?.Any(s => values.Contains(s, StringComparer.OrdinalIgnoreCase)) ?? values.Any(v => Same(text, v))),
            RuleFields.Contains => set?.Contains(value, StringComparer.OrdinalIgnoreCase) ?? Folded(text).Contains(Folded(value), StringComparison.Ordinal),
            RuleFields.NotContains => !(set?.Contains(value, StringComparer.OrdinalIgnoreCase) ?? Folded(text).Contains(Folded(value), StringComparison.Ordinal)),
            _ => false,
        };
    }

    private object Read(string field) => field switch
    {
        "status" => EnumWords.Word(Ticket.Status),
        "priority" => EnumWords.Word(Ticket.Priority),
        "reason" => Reason,
        "channel" => EnumWords.Word(Ticket.Channel),
        "language" => Ticket.Language,
        "tags" => Tags,
        "vip" => Vip ? "true" : "false",
        "segment" => Segments,
        "organization" => Id(Ticket.OrganizationId),
        "assignee" => Id(Ticket.AssigneeId),
        "team" => Id(Ticket.TeamId),
        "subject" => Ticket.Subject,
        "body" => Body ?? "",
        "sla_metric" => SlaMetric ?? "",
        _ when field.StartsWith(RuleFields.CustomPrefix, StringComparison.Ordinal) =>
            Ticket.CustomFields.GetValueOrDefault(field[RuleFields.CustomPrefix.Length..]) ?? "",
        _ => "",
    };

    private double Hours(string field)
    {
        var since = field switch
        {
            "hours_since_created" => Ticket.CreatedAt,
            "hours_since_updated" => Ticket.UpdatedAt,
            _ => Ticket.StatusChangedAt,
        };
        return (Now - since).TotalHours;
    }

    private static string Id(long? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>"contains" ignores case and accents, so "zamowienie" finds "Zamówienie" as search does.</summary>
    private static string Folded(string text) => TextFolding.Fold(text);
}
