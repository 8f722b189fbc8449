using Kalinga.Events;
using Kalinga.Tickets;

namespace Kalinga.Automation;

/// <summary>Hands every ticket event to <see cref="RunTriggers"/>.</summary>
public sealed class TriggerHandler(IServiceScopeFactory scopes) : ITicketEventHandler
{
    public string Name => "triggers";

    public bool Handles(TicketEvent e) => e.TicketId is not null && TriggerEvents.Of(e) is not null;

    public async Task HandleAsync(TicketEvent e, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RunTriggers>().HandleAsync(e, ct);
    }
}
