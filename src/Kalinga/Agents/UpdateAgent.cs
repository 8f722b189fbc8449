using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kalinga.Agents.Auth;
using Kalinga.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kalinga.Agents;

/// <summary>Fields to change; a field left out (or null) stays as it is. Teams replace the whole set.</summary>
public sealed record UpdateAgentRequest(
    [StringLength(200, MinimumLength = 1)] string? Name = null,
    [StringLength(320)] string? Email = null,
    AgentRole? Role = null,
    IReadOnlyList<string>? Languages = null,
    string? UiLanguage = null,
    bool? Active = null,
    string? Password = null,
    IReadOnlyList<long>? TeamIds = null)
{
    /// <summary>Agents may change their own name, UI language and password; everything else is for admins.</summary>
    public bool IsSelfService() => Email is null && Role is null && Languages is null && Active is null && TeamIds is null;
}

public sealed class UpdateAgent(KalingaDb db, IPasswordHasher<Agent> hasher, IMemoryCache cache)
{
    public async Task<EditOutcome> HandleAsync(long id, UpdateAgentRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Role() < AgentRole.Admin && !(user.IsAgent(id) && request.IsSelfService()))
        {
            return EditOutcome.Forbidden;
        }

        var agent = await db.Agents.Include(a => a.Teams).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return EditOutcome.NotFound;
        }

        if (request.Name is not null)
        {
            agent.Rename(request.Name);
        }

        if (request.Email is not null && Agent.NormalizeEmail(request.Email) != agent.Email)
        {
            agent.ChangeEmail(request.Email);
            if (await db.Agents.AnyAsync(a => a.Email == agent.Email && a.Id != id, ct))
            {
                throw new ConflictException("email", new LocalText("Adm3_Problem.EmailTaken"));
            }
        }

        await CheckAnAdminRemainsAsync(agent, request, ct);
        agent.Role = request.Role ?? agent.Role;
        agent.IsActive = request.Active ?? agent.IsActive;
        if (request.Languages is not null)
        {
            agent.SpeakLanguages(request.Languages);
        }

        if (request.UiLanguage is not null)
        {
            agent.UseUiLanguage(request.UiLanguage);
        }

        if (request.Password is not null)
        {
            agent.SetPassword(request.Password, hasher);
        }

        if (request.TeamIds is not null)
        {
            agent.SetTeams(await CreateAgent.TeamsAsync(db, request.TeamIds, ct));
        }

        await db.SaveChangesAsync(ct);

        // A deactivated or demoted agent loses that access on their next request, not when the cached check expires.
        AgentSessions.Forget(cache, id);
        return EditOutcome.Done;
    }

    /// <summary>Someone must remain who can sign in and manage agents; otherwise only the command line could recover.</summary>
    private async Task CheckAnAdminRemainsAsync(Agent agent, UpdateAgentRequest request, CancellationToken ct)
    {
        var demoted = request.Role is { } role && role != AgentRole.Admin;
        var deactivated = request.Active == false;
        if (agent.Role != AgentRole.Admin || !agent.IsActive || !(demoted || deactivated))
        {
            return;
        }

        if (!await db.Agents.AnyAsync(a => a.Id != agent.Id && a.IsActive && a.Role == AgentRole.Admin, ct))
        {
            throw new RuleException(deactivated ? "active" : "role", new LocalText("Adm3_Problem.LastAdmin"));
        }
    }
}
