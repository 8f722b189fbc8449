using System.ComponentModel.DataAnnotations;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Agents;

/// <summary>For a new team the name is required; for a change, fields left out stay as they are and "" clears the description.</summary>
public sealed record TeamRequest([StringLength(200, MinimumLength = 1)] string? Name = null, [StringLength(1000)] string? Description = null);

/// <summary>Creates or changes a team. Names are unique ignoring case: "Billing" and "billing" would be one team to people.</summary>
public sealed class SaveTeam(KalingaDb db)
{
    public async Task<Team> CreateAsync(TeamRequest request, CancellationToken ct)
    {
        var team = new Team(request.Name ?? "");
        team.Describe(request.Description);
        await CheckNameIsFreeAsync(team, ct);
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return team;
    }

    public async Task<Team?> UpdateAsync(long id, TeamRequest request, CancellationToken ct)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return null;
        }

        if (request.Name is not null)
        {
            team.Rename(request.Name);
            await CheckNameIsFreeAsync(team, ct);
        }

        if (request.Description is not null)
        {
            team.Describe(request.Description);
        }

        await db.SaveChangesAsync(ct);
        return team;
    }

    /// <summary>
    /// Compared in memory: a help desk has tens of teams, and SQL lower() on SQLite folds only ASCII
    /// ("Obsługa" and "OBSŁUGA" would pass as different names there).
    /// </summary>
    private async Task CheckNameIsFreeAsync(Team team, CancellationToken ct)
    {
        var others = await db.Teams.Where(t => t.Id != team.Id).Select(t => t.Name).ToListAsync(ct);
        if (others.Any(n => string.Equals(n, team.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConflictException("name", new LocalText("Adm3_Problem.TeamTaken", team.Name));
        }
    }
}
