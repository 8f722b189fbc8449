using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Events;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Routing;

/// <summary>
/// Drains the queues a change concerns: a new or returned ticket's team, and the teams of an agent whose
/// capacity just freed up (a ticket solved, put on pending, or taken away). A new ticket without a team goes to
/// the default queue first. While no queue routes (all manual, no default) there is nothing to do, and the cached
/// queue settings say so without a query.
/// </summary>
public sealed class RoutingEventHandler(IServiceScopeFactory scopes, SettingsCache settings, TimeProvider clock) : ITicketEventHandler
{
    public string Name => "routing";

    public bool Handles(TicketEvent e) => e.TicketId is not null && e.Type is
        TicketEventTypes.Created or TicketEventTypes.Assigned or TicketEventTypes.StatusChanged;

    public async Task HandleAsync(TicketEvent e, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        var queues = await settings.GetAsync("routing.queues", async () => await db.TeamQueues.AsNoTracking().ToListAsync(ct));
        if (!queues.Any(q => q.IsDefault || q.Strategy != RoutingStrategy.Manual))
        {
            return;
        }

        var route = scope.ServiceProvider.GetRequiredService<RouteTickets>();
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == e.TicketId, ct);
        if (ticket is null)
        {
            return;
        }

        var teams = new HashSet<long>();
        if (e.Type == TicketEventTypes.Created && ticket.TeamId is null && ticket.AssigneeId is null && ticket.IsOpenForWork)
        {
            if (queues.FirstOrDefault(q => q.IsDefault)?.TeamId is { } team)
            {
                ticket.Assign(null, team, Actor.System, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
            }
        }

        if (ticket.AssigneeId is null && ticket.TeamId is { } waitingIn)
        {
            teams.Add(waitingIn);
        }

        var freed = new List<long>();
        if (ticket.AssigneeId is { } assignee)
        {
            freed.Add(assignee);
        }

        if (e.Type == TicketEventTypes.Assigned && e.ReadData<AssignedData>()?.From?.Agent is { } previous)
        {
            freed.Add(previous);
        }

        if (freed.Count > 0 && e.Type != TicketEventTypes.Created)
        {
            teams.UnionWith(await db.Agents.Where(a => freed.Contains(a.Id)).SelectMany(a => a.Teams.Select(t => t.Id)).ToListAsync(ct));
        }

        foreach (var team in teams.Order())
        {
            await route.DrainAsync(team, ct);
        }
    }

    private sealed record AssignedData(Party? From, Party? To);

    private sealed record Party(long? Agent, long? Team);
}
