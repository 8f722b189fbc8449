using System.Text.Json;

namespace Kalinga.Tickets;

/// <summary>
/// One state change. The table is at once the timeline, the audit trail and the outbox:
/// it is written in the same transaction as the change and delivered to handlers by the dispatcher.
/// </summary>
public sealed class TicketEvent
{
    private TicketEvent()
    {
    }

    public long Id { get; private set; }

    public long? TicketId { get; private set; }

    public long? CustomerId { get; private set; }

    /// <summary>The message this event is about (message.added, note.added, delivery changes).</summary>
    public long? MessageId { get; private set; }

    public Message? Message { get; private set; }

    public string Type { get; private set; } = "";

    public ActorKind ActorKind { get; private set; }

    public long? ActorId { get; private set; }

    /// <summary>What changed, as a small JSON object (for example <c>{"from":"new","to":"open"}</c>).</summary>
    public string Data { get; private set; } = "{}";

    public DateTime CreatedAt { get; private set; }

    public DateTime? DispatchedAt { get; internal set; }

    public int Attempts { get; internal set; }

    public DateTime NextAttemptAt { get; internal set; }

    public string? LeaseOwner { get; internal set; }

    public DateTime? LeaseExpiresAt { get; internal set; }

    public string? LastError { get; internal set; }

    /// <summary>Handlers that already succeeded, so a retry after a partial failure skips them.</summary>
    public string CompletedHandlers { get; internal set; } = "";

    /// <summary>How many rule runs led to this event (0 for people and systems); the rules' loop guard reads it.</summary>
    public int ChainDepth { get; internal set; }

    public Actor Actor => new(ActorKind, ActorId);

    public static TicketEvent For(Ticket ticket, string type, Actor actor, DateTime now, object? data = null, Message? message = null)
    {
        var e = Create(type, actor, now, data, ticket.CustomerId);
        e.Message = message;
        ticket.Events.Add(e);
        return e;
    }

    public static TicketEvent ForCustomer(long customerId, string type, Actor actor, DateTime now, object? data = null) =>
        Create(type, actor, now, data, customerId);

    public T? ReadData<T>() => JsonSerializer.Deserialize<T>(Data, EventJson.Options);

    private static TicketEvent Create(string type, Actor actor, DateTime now, object? data, long? customerId) =>
        new()
        {
            CustomerId = customerId,
            Type = type,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            Data = data is null ? "{}" : JsonSerializer.Serialize(data, EventJson.Options),
            CreatedAt = now,
            NextAttemptAt = now,
        };
}
