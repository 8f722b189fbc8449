namespace Kalinga.Events;

/// <summary>
/// A per-ticket handler (see <see cref="ITicketEventHandler.PerTicket"/>) that brings all the tickets of a dispatch
/// batch in line at once, with one query per kind of input instead of one per ticket. If the batch call fails, the
/// dispatcher calls <see cref="ITicketEventHandler.HandleAsync"/> ticket by ticket, so one bad ticket fails only its
/// own events.
/// </summary>
public interface ITicketBatchHandler : ITicketEventHandler
{
    bool ITicketEventHandler.PerTicket => true;

    Task HandleTicketsAsync(IReadOnlyCollection<long> ticketIds, CancellationToken ct);
}
