using System.Security.Claims;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kalinga.Agents.Auth;

/// <summary>
/// A session cookie holds the agent's name and role for up to 12 hours. Without this check a deactivated agent
/// would keep working, and a demoted admin would keep admin rights, until the cookie expired. The agent's state
/// is cached for half a minute, as tokens are; the node that makes a change forgets it at once.
/// </summary>
public static class AgentSessions
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Actor() is not { Kind: ActorKind.Agent, Id: { } id })
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var current = await services.GetRequiredService<IMemoryCache>().GetOrCreateAsync(Key(id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await services.GetRequiredService<KalingaDb>().Agents
                .Where(a => a.Id == id && a.IsActive)
                .Select(a => new Session(a.Name, a.Role))
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        });

        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else if (current.Name != context.Principal.Identity?.Name || current.Role != context.Principal.Role())
        {
            var identity = Policies.IdentityFor(ActorKind.Agent, id, current.Name, current.Role, CookieAuthenticationDefaults.AuthenticationScheme);
            context.ReplacePrincipal(new ClaimsPrincipal(identity));
            context.ShouldRenew = true;
        }
    }

    public static void Forget(IMemoryCache cache, long agentId) => cache.Remove(Key(agentId));

    private static string Key(long agentId) => $"kalinga:agent-session:{agentId}";

    private sealed record Session(string Name, AgentRole Role);
}
