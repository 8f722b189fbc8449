namespace Kalinga.Realtime;

public enum LiveEventKind
{
    /// <summary>A ticket changed (new ticket, message, note, field, status); <see cref="LiveEvent.Type"/> says which.</summary>
    Ticket,

    /// <summary>An agent got a notification; <see cref="LiveEvent.AgentId"/> is the agent.</summary>
    Notification,

    /// <summary>Who views or types on a ticket changed.</summary>
    Presence,

    /// <summary>A must-read bulletin was published or confirmed; <see cref="LiveEvent.AgentId"/> is the reader, or null for everyone.</summary>
    Bulletin,
}

/// <summary>
/// A small note that something changed, pushed to every open agent page. It carries ids, never content: each page
/// reads what it shows from the database, through the same queries, so a missed or repeated note does no harm.
/// </summary>
public sealed record LiveEvent(LiveEventKind Kind, long TicketId, string? Type = null, long? ActorAgentId = null, long? AgentId = null, long? MessageId = null);
