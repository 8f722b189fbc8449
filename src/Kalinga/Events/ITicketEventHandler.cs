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

    /// <summary>
    /// True for a handler that brings the event's ticket in line with its current state (the SLA clocks) instead of
    /// acting on the event itself: of several events of one ticket in a dispatch batch, it is called for the first
    /// only, since the state it reads already holds all of them.
    /// </summary>
    bool PerTicket => false;

    Task HandleAsync(TicketEvent e, CancellationToken ct);
}
