using System.Security.Claims;
using Kalinga.Tickets;

namespace Kalinga.Agents.Auth;

public static class Policies
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public const string ActorKindClaim = "kalinga:actor";

    public static string[] RolesAtLeast(AgentRole role) =>
        [.. Enum.GetValues<AgentRole>().Where(r => r >= role).Select(r => r.ToString())];

    /// <summary>Who is calling, for the timeline: an agent signed in with a cookie, or an API token.</summary>
    public static Actor Actor(this ClaimsPrincipal user)
    {
        var id = long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
        return user.FindFirstValue(ActorKindClaim) == nameof(ActorKind.ApiToken) ? Tickets.Actor.Token(id) : Tickets.Actor.Agent(id);
    }

    public static AgentRole Role(this ClaimsPrincipal user) =>
        Enum.Parse<AgentRole>(user.FindFirstValue(ClaimTypes.Role) ?? nameof(AgentRole.Agent));

    /// <summary>True when the caller is the agent <paramref name="agentId"/> signed in as themself (not a token).</summary>
    public static bool IsAgent(this ClaimsPrincipal user, long agentId) => user.Actor() == Tickets.Actor.Agent(agentId);

    public static ClaimsIdentity IdentityFor(ActorKind kind, long id, string name, AgentRole role, string scheme) =>
        new(
            [
                new Claim(ClaimTypes.NameIdentifier, id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, role.ToString()),
                new Claim(ActorKindClaim, kind.ToString()),
            ],
            scheme);
}
