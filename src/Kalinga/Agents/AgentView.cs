using System.Linq.Expressions;

namespace Kalinga.Agents;

/// <summary>An agent as the API shows them; the password hash never leaves the server.</summary>
public sealed record AgentView(
    long Id,
    string Name,
    string Email,
    AgentRole Role,
    IReadOnlyList<string> Languages,
    string UiLanguage,
    bool Active,
    IReadOnlyList<TeamRef> Teams,
    DateTime CreatedAt,
    DateTime? LockedUntil)
{
    /// <summary>The projection for queries; a lockout that has run out shows as none.</summary>
    public static Expression<Func<Agent, AgentView>> Projection(DateTime now) =>
        a => new AgentView(
            a.Id, a.Name, a.Email, a.Role, a.Languages, a.UiLanguage, a.IsActive,
            a.Teams.OrderBy(t => t.Name).Select(t => new TeamRef(t.Id, t.Name)).ToList(),
            a.CreatedAt,
            a.LockedUntil > now ? a.LockedUntil : null);
}

public sealed record TeamRef(long Id, string Name);
