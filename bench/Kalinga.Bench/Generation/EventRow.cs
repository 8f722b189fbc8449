namespace Kalinga.Bench.Generation;

/// <summary>An <c>Events</c> row, already dispatched; the message it is about is a reference until the loader has stamped message ids.</summary>
public sealed class EventRow
{
    public long Id { get; set; }

    public long? TicketId { get; set; }

    public long CustomerId { get; set; }

    public MessageRow? Message { get; set; }

    public string Type { get; set; } = "";

    public string ActorKind { get; set; } = "";

    public long? ActorId { get; set; }

    public string Data { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }
}
