using Kalinga.Channels;
using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Web;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>
/// The query string of ticket lists and search: <c>status=open,pending&amp;assignee=me|none|12&amp;team=3&amp;reason=complaint
/// &amp;channel=email&amp;priority=high&amp;language=pl&amp;tag=refund&amp;customer=7&amp;organization=2&amp;createdFrom=…&amp;updatedTo=…&amp;sla=at_risk,breached</c>.
/// </summary>
public sealed record TicketQuery(
    string? Status = null,
    string? Assignee = null,
    long? Team = null,
    string? Reason = null,
    string? Channel = null,
    string? Priority = null,
    string? Language = null,
    string? Tag = null,
    long? Customer = null,
    long? Organization = null,
    DateTime? CreatedFrom = null,
    DateTime? CreatedTo = null,
    DateTime? UpdatedFrom = null,
    DateTime? UpdatedTo = null,
    string? Sla = null)
{
    /// <summary>Resolves codes to ids; an unknown tag or reason yields a filter that matches nothing rather than everything.</summary>
    public async Task<TicketFilter> ToFilterAsync(KalingaDb db, Actor caller, CancellationToken ct)
    {
        var (assigneeId, unassigned) = Assignee switch
        {
            null or "" => ((long?)null, false),
            "none" => (null, true),
            "me" when caller.AgentId is { } me => (me, false),
            "me" => throw new RuleException("assignee", new LocalText("Loc4_Problem.Tickets.AssigneeMe")),
            _ when long.TryParse(Assignee, out var id) => (id, false),
            _ => throw new RuleException("assignee", new LocalText("Loc4_Problem.Tickets.Assignee")),
        };

        var language = string.IsNullOrWhiteSpace(Language) ? null : Language;
        if (language is not null && !Languages.IsSupported(language))
        {
            throw new RuleException("language", new LocalText("Adm3_Problem.UseOneOf", string.Join(", ", Languages.Supported)));
        }

        int? reasonId = string.IsNullOrWhiteSpace(Reason) ? null
            : await db.ContactReasons.Where(r => r.Code == Reason).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct) ?? -1;
        var tagName = string.IsNullOrWhiteSpace(Tag) ? null : Tickets.Tag.Normalize(Tag);
        int? tagId = tagName is null ? null
            : await db.Tags.Where(t => t.Name == tagName).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct) ?? -1;

        return new TicketFilter
        {
            Statuses = ParseStatuses(Status),
            AssigneeId = assigneeId,
            Unassigned = unassigned,
            TeamId = Team,
            ReasonId = reasonId,
            Channel = EnumWords.ParseOptional<Channel>(Channel, "channel"),
            Priority = EnumWords.ParseOptional<Priority>(Priority, "priority"),
            Language = language,
            TagId = tagId,
            CustomerId = Customer,
            OrganizationId = Organization,
            CreatedFrom = Utc(CreatedFrom),
            CreatedTo = Utc(CreatedTo),
            UpdatedFrom = Utc(UpdatedFrom),
            UpdatedTo = Utc(UpdatedTo),
            Sla = ParseRisks(Sla),
        };
    }

    private static List<TicketStatus>? ParseStatuses(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => EnumWords.Parse<TicketStatus>(w, "status"))];

    private static List<Kalinga.Sla.SlaRisk>? ParseRisks(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => EnumWords.Parse<Kalinga.Sla.SlaRisk>(w, "sla") is var r && r != Kalinga.Sla.SlaRisk.None
                    ? r : throw new RuleException("sla", new LocalText("Loc4_Problem.Tickets.Sla")))];

    private static DateTime? Utc(DateTime? value) => value?.Kind switch
    {
        null => null,
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.Value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value.Value, DateTimeKind.Utc),
    };
}
