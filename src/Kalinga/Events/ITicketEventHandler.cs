using Kalinga.Tickets;

namespace Kalinga.Events;

/// <summary>
/// Reacts to timeline events after they are committed (automation, SLA, delivery, webhooks, push).
/// Delivery is at least once: a handler that crashes mid-way sees the event again, so handlers are idempotent.
/// </summary>
public interface ITicketEventHandler
{
    /// <summary>A stable name, recorded on the event once the handler succeeded.</summary>
    string Name { get; }

    bool Handles(TicketEvent e);

    Task HandleAsync(TicketEvent e, CancellationToken ct);
}
