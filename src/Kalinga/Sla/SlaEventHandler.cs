using Kalinga.Events;
using Kalinga.Tickets;

namespace Kalinga.Sla;

/// <summary>Recomputes a ticket's clocks whenever something they depend on changes.</summary>
public sealed class SlaEventHandler(IServiceScopeFactory scopes) : ITicketBatchHandler
{
    public string Name => "sla";

    public bool Handles(TicketEvent e) => e.TicketId is not null && e.Type is
        TicketEventTypes.Created or TicketEventTypes.StatusChanged or TicketEventTypes.MessageAdded or TicketEventTypes.FieldChanged;

    public async Task HandleAsync(TicketEvent e, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UpdateSlaClocks>().HandleAsync(e.TicketId!.Value, ct);
    }

    public async Task HandleTicketsAsync(IReadOnlyCollection<long> ticketIds, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UpdateSlaClocks>().HandleAsync(ticketIds, ct);
    }
}
