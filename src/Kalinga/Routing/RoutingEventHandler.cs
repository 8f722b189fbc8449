using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Events;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Routing;

/// <summary>
/// Drains the queues a change concerns: a new or returned ticket's team, and the teams of an agent whose
/// capacity just freed up (a ticket of theirs solved, put on pending or on hold, or taken away). A new ticket without
/// a team goes to the default queue and, when an agent is free, straight on to that agent in one assignment. An
/// assignment by routing itself frees nothing, so it drains nothing. While no queue routes (all manual, no default)
/// there is nothing to do, and the cached queue settings say so without a query.
/// </summary>
public sealed class RoutingEventHandler(IServiceScopeFactory scopes, SettingsCache settings) : ITicketEventHandler
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

        // A ticket given to an agent by someone other than its former agent frees no one and waits in no queue.
        if (e.Type == TicketEventTypes.Assigned && e.ReadData<AssignedData>() is { To.Agent: not null, From.Agent: null })
        {
            return;
        }

        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == e.TicketId)
            .Select(t => new { t.Id, t.AssigneeId, t.TeamId, t.Status }).SingleOrDefaultAsync(ct);
        if (ticket is null)
        {
            return;
        }

        var route = scope.ServiceProvider.GetRequiredService<RouteTickets>();
        if (e.Type == TicketEventTypes.Created && ticket is { TeamId: null, AssigneeId: null } && ticket.Status is not (TicketStatus.Solved or TicketStatus.Closed))
        {
            if (queues.FirstOrDefault(q => q.IsDefault) is { } queue)
            {
                await route.RouteArrivingAsync(ticket.Id, queue, ct);
            }

            return;
        }

        var teams = new SortedSet<long>();
        if (ticket.AssigneeId is null && ticket.TeamId is { } waitingIn && IsActive(ticket.Status))
        {
            teams.Add(waitingIn);
        }

        var freed = Freed(e, ticket.AssigneeId);
        if (freed is { } agent)
        {
            teams.UnionWith(await db.Agents.Where(a => a.Id == agent).SelectMany(a => a.Teams.Select(t => t.Id)).ToListAsync(ct));
        }

        foreach (var team in teams)
        {
            await route.DrainAsync(team, ct);
        }
    }

    // The agent who has one active ticket fewer after the event: the one a ticket was taken from, or the assignee of
    // a ticket that left the active statuses (new, open).
    private static long? Freed(TicketEvent e, long? assignee) => e.Type switch
    {
        TicketEventTypes.Assigned when e.ReadData<AssignedData>()?.From?.Agent is { } previous && previous != assignee => previous,
        TicketEventTypes.StatusChanged when e.ReadData<StatusData>() is { } change && IsActive(change.From) && !IsActive(change.To) => assignee,
        _ => null,
    };

    private static bool IsActive(TicketStatus status) => status is TicketStatus.New or TicketStatus.Open;

    private sealed record AssignedData(Party? From, Party? To);

    private sealed record Party(long? Agent, long? Team);

    private sealed record StatusData(TicketStatus From, TicketStatus To);
}
