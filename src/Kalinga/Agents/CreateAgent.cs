using System.ComponentModel.DataAnnotations;
using Kalinga.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Agents;

/// <summary>A new agent; without a password they cannot sign in until one is set.</summary>
public sealed record CreateAgentRequest(
    [Required, StringLength(200, MinimumLength = 1)] string Name,
    [Required, StringLength(320)] string Email,
    [Required, MinLength(1)] IReadOnlyList<string> Languages,
    AgentRole Role = AgentRole.Agent,
    string UiLanguage = Localization.Languages.Default,
    string? Password = null,
    IReadOnlyList<long>? TeamIds = null);

public sealed class CreateAgent(KalingaDb db, IPasswordHasher<Agent> hasher, TimeProvider clock)
{
    public async Task<Agent> HandleAsync(CreateAgentRequest request, CancellationToken ct)
    {
        var agent = new Agent(request.Name, request.Email, request.Role, clock.GetUtcNow().UtcDateTime);
        agent.SpeakLanguages(request.Languages);
        agent.UseUiLanguage(request.UiLanguage);
        if (request.Password is not null)
        {
            agent.SetPassword(request.Password, hasher);
        }

        if (await db.Agents.AnyAsync(a => a.Email == agent.Email, ct))
        {
            throw new ConflictException("email", new LocalText("Adm3_Problem.EmailTaken"));
        }

        agent.Teams.AddRange(await TeamsAsync(db, request.TeamIds, ct));
        db.Agents.Add(agent);
        await db.SaveChangesAsync(ct);
        return agent;
    }

    /// <summary>The teams a request names, refusing the whole request when one does not exist.</summary>
    internal static async Task<List<Team>> TeamsAsync(KalingaDb db, IReadOnlyList<long>? ids, CancellationToken ct)
    {
        if (ids is not { Count: > 0 })
        {
            return [];
        }

        var distinct = ids.Distinct().ToList();
        var teams = await db.Teams.Where(t => distinct.Contains(t.Id)).ToListAsync(ct);
        var missing = distinct.Except(teams.Select(t => t.Id)).ToList();
        return missing.Count == 0 ? teams : throw new RuleException("teamIds", new LocalText("Adm3_Problem.NoTeam", string.Join(", ", missing)));
    }
}
