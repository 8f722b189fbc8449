using Kalinga.Sla;
using Kalinga.Tickets;

namespace Kalinga.Automation;

/// <summary>The events triggers listen to, named from the rule author's point of view.</summary>
public static class TriggerEvents
{
    public const string TicketCreated = "ticket.created";
    public const string TicketUpdated = "ticket.updated";
    public const string MessageReceived = "message.received";
    public const string ReplySent = "reply.sent";
    public const string NoteAdded = "note.added";
    public const string SlaWarning = "sla.warning";
    public const string SlaBreached = "sla.breached";
    public const string SurveyAnswered = "survey.answered";

    public static readonly IReadOnlyList<string> All =
        [TicketCreated, TicketUpdated, MessageReceived, ReplySent, NoteAdded, SlaWarning, SlaBreached, SurveyAnswered];

    /// <summary>
    /// The trigger event a timeline event counts as, or null when triggers ignore it. Tickets and messages a machine
    /// wrote (out-of-office notes, auto-replies) trigger nothing, so a rule never answers a robot.
    /// </summary>
    public static string? Of(TicketEvent e) => e.Data.Contains("\"automated\":true", StringComparison.Ordinal) ? null : e.Type switch
    {
        TicketEventTypes.Created => TicketCreated,
        TicketEventTypes.StatusChanged or TicketEventTypes.FieldChanged or TicketEventTypes.TagsChanged
            or TicketEventTypes.Assigned or TicketEventTypes.CausesChanged => TicketUpdated,
        TicketEventTypes.MessageAdded => e.Data.Contains("\"direction\":\"in\"", StringComparison.Ordinal) ? MessageReceived : ReplySent,
        TicketEventTypes.NoteAdded => NoteAdded,
        SlaEventTypes.Warning => SlaWarning,
        SlaEventTypes.Breached => SlaBreached,
        SurveyAnswered => SurveyAnswered,
        _ => null,
    };
}
