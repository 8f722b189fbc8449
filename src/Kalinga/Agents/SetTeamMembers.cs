using System.ComponentModel.DataAnnotations;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Agents;

public sealed record TeamMembersRequest([Required] IReadOnlyList<long> AgentIds);

/// <summary>Replaces a team's members with exactly the agents named; an empty list empties the team.</summary>
public sealed class SetTeamMembers(KalingaDb db)
{
    public async Task<bool> HandleAsync(long teamId, IReadOnlyList<long> agentIds, CancellationToken ct)
    {
        var team = await db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null)
        {
            return false;
        }

        var distinct = agentIds.Distinct().ToList();
        var agents = await db.Agents.Where(a => distinct.Contains(a.Id)).ToListAsync(ct);
        var missing = distinct.Except(agents.Select(a => a.Id)).ToList();
        if (missing.Count > 0)
        {
            throw new RuleException("agentIds", new LocalText("Adm3_Problem.NoAgent", string.Join(", ", missing)));
        }

        team.SetMembers(agents);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
