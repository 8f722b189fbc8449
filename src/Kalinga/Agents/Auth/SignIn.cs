using System.Security.Claims;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Agents.Auth;

/// <summary>Checks an agent's e-mail and password; five wrong passwords in a row lock the account for 15 minutes.</summary>
public sealed class SignIn(KalingaDb db, IPasswordHasher<Agent> hasher, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutFor = TimeSpan.FromMinutes(15);

    public async Task<SignInResult> HandleAsync(string email, string password, string scheme, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = email.Trim().ToLowerInvariant();
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Email == normalized, ct);
        if (agent is null || !agent.IsActive || agent.PasswordHash is null)
        {
            return new SignInResult(SignInOutcome.WrongCredentials, null);
        }

        if (agent.LockedUntil > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, null);
        }

        var verdict = hasher.VerifyHashedPassword(agent, agent.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            agent.FailedSignIns++;
            if (agent.FailedSignIns >= MaxFailures)
            {
                agent.LockedUntil = now + LockoutFor;
                agent.FailedSignIns = 0;
            }

            await db.SaveChangesAsync(ct);
            return new SignInResult(agent.LockedUntil > now ? SignInOutcome.LockedOut : SignInOutcome.WrongCredentials, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            agent.PasswordHash = hasher.HashPassword(agent, password);
        }

        agent.FailedSignIns = 0;
        agent.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        var identity = Policies.IdentityFor(ActorKind.Agent, agent.Id, agent.Name, agent.Role, scheme);
        return new SignInResult(SignInOutcome.SignedIn, new ClaimsPrincipal(identity));
    }
}

public enum SignInOutcome
{
    SignedIn,
    WrongCredentials,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, ClaimsPrincipal? Principal);
