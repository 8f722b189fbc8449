namespace Kalinga.Bench.Generation;

/// <summary>Consecutive tickets with their messages, events and tags, made together and written together.</summary>
public sealed class TicketBatch
{
    public List<TicketRow> Tickets { get; } = [];

    public List<MessageRow> Messages { get; } = [];

    public List<EventRow> Events { get; } = [];

    public List<TicketTagRow> Tags { get; } = [];

    /// <summary>Gives messages and events their ids, continuing from the previous batch; called in batch order.</summary>
    public void Stamp(IdSequence messages, IdSequence events)
    {
        foreach (var message in Messages)
        {
            message.Id = messages.Next();
        }

        foreach (var e in Events)
        {
            e.Id = events.Next();
        }
    }
}
