using Kalinga.Tickets;

namespace Kalinga.Notifications;

/// <summary>Something an agent should look at: for now, a colleague mentioned them in an internal note.</summary>
public sealed class Notification
{
    public const string Mention = "mention";

    private Notification()
    {
    }

    public Notification(long agentId, string kind, long ticketId, long? messageId, Actor by, DateTime now)
    {
        AgentId = agentId;
        Kind = kind;
        TicketId = ticketId;
        MessageId = messageId;
        ByKind = by.Kind;
        ById = by.Id;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public long AgentId { get; private set; }

    public string Kind { get; private set; } = "";

    public long TicketId { get; private set; }

    public long? MessageId { get; private set; }

    public ActorKind ByKind { get; private set; }

    public long? ById { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; set; }
}
