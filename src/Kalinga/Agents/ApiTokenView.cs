using System.Linq.Expressions;

namespace Kalinga.Agents;

/// <summary>A token as admins see it: the hint tells tokens apart; neither the secret nor its hash is ever shown.</summary>
public sealed record ApiTokenView(long Id, string Name, AgentRole Role, string Hint, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static readonly Expression<Func<ApiToken, ApiTokenView>> Projection =
        t => new ApiTokenView(t.Id, t.Name, t.Role, t.Hint, t.CreatedAt, t.LastUsedAt, t.RevokedAt);
}
