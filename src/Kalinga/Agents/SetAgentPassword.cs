using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kalinga.Agents.Auth;
using Kalinga.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Agents;

public sealed record SetPasswordRequest([Required] string Password);

/// <summary>An admin sets anyone's password (also the way out of a lockout); an agent sets their own.</summary>
public sealed class SetAgentPassword(KalingaDb db, IPasswordHasher<Agent> hasher)
{
    public async Task<EditOutcome> HandleAsync(long id, string password, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Role() < AgentRole.Admin && !user.IsAgent(id))
        {
            return EditOutcome.Forbidden;
        }

        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return EditOutcome.NotFound;
        }

        agent.SetPassword(password, hasher);
        await db.SaveChangesAsync(ct);
        return EditOutcome.Done;
    }
}
