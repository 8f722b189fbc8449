using Kalinga.Events;
using Kalinga.Tickets;

namespace Kalinga.Realtime;

/// <summary>Tells open agent pages that a ticket changed, once the change is committed and dispatched.</summary>
public sealed class PushTicketEvents(ILiveTransport transport) : ITicketEventHandler
{
    public string Name => "push-live";

    public bool Handles(TicketEvent e) => e.TicketId is not null;

    public Task HandleAsync(TicketEvent e, CancellationToken ct) =>
        transport.PublishAsync(new LiveEvent(LiveEventKind.Ticket, e.TicketId!.Value, e.Type, e.Actor.AgentId, MessageId: e.MessageId), ct);
}
