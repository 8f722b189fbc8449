using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Agents;

/// <summary>Agents by name, optionally only one team's or only the (in)active ones. A help desk has hundreds, not millions: no paging.</summary>
public sealed class ListAgents(KalingaDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AgentView>> HandleAsync(long? teamId, bool? active, CancellationToken ct)
    {
        var agents = db.Agents.AsNoTracking();
        if (teamId is { } team)
        {
            agents = agents.Where(a => a.Teams.Any(t => t.Id == team));
        }

        if (active is { } isActive)
        {
            agents = agents.Where(a => a.IsActive == isActive);
        }

        return await agents.OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Select(AgentView.Projection(clock.GetUtcNow().UtcDateTime))
            .ToListAsync(ct);
    }

    public async Task<AgentView?> OneAsync(long id, CancellationToken ct) =>
        await db.Agents.AsNoTracking().Where(a => a.Id == id)
            .Select(AgentView.Projection(clock.GetUtcNow().UtcDateTime))
            .SingleOrDefaultAsync(ct);
}
