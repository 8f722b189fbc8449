using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Routing;

/// <summary>
/// An agent goes online, away or offline. Online drains their teams' queues at once; offline hands their new and
/// open tickets back to the queue in teams that ask for it (the routing handler then reassigns them).
/// </summary>
public sealed class SetAvailability(KalingaDb db, RouteTickets route, TimeProvider clock)
{
    public async Task<bool> HandleAsync(long agentId, AgentStatus status, CancellationToken ct)
    {
        if (!await db.Agents.AnyAsync(a => a.Id == agentId && a.IsActive, ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var routing = await db.AgentRoutings.SingleOrDefaultAsync(r => r.AgentId == agentId, ct) ?? db.AgentRoutings.Add(new AgentRouting(agentId)).Entity;
        if (!routing.SetStatus(status, now))
        {
            await db.SaveChangesAsync(ct);
            return true;
        }

        var teams = await db.Agents.Where(a => a.Id == agentId).SelectMany(a => a.Teams.Select(t => t.Id)).ToListAsync(ct);
        if (status == AgentStatus.Offline)
        {
            var handBack = await db.TeamQueues.Where(q => teams.Contains(q.TeamId) && q.ReassignWhenOffline).Select(q => q.TeamId).ToListAsync(ct);
            var tickets = await db.Tickets
                .Where(t => t.AssigneeId == agentId && t.TeamId != null && handBack.Contains(t.TeamId.Value)
                    && (t.Status == TicketStatus.New || t.Status == TicketStatus.Open))
                .ToListAsync(ct);
            foreach (var ticket in tickets)
            {
                ticket.Assign(null, ticket.TeamId, Actor.System, now);
            }
        }

        await db.SaveChangesAsync(ct);
        if (status == AgentStatus.Online)
        {
            foreach (var team in teams)
            {
                await route.DrainAsync(team, ct);
            }
        }

        return true;
    }
}
