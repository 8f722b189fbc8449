using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>Who works the ticket: an agent, a team, both, or neither (null unassigns).</summary>
public sealed record AssignTicketRequest(long? AgentId, long? TeamId);

public sealed class AssignTicket(KalingaDb db, TicketFields fields, TimeProvider clock)
{
    public async Task<bool> HandleAsync(long number, AssignTicketRequest request, Actor actor, CancellationToken ct)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null)
        {
            return false;
        }

        await fields.CheckAssignmentAsync(request.AgentId, request.TeamId, ct);
        ticket.Assign(request.AgentId, request.TeamId, actor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
