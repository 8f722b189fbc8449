using Kalinga.Data;

namespace Kalinga.Agents;

public sealed class IssueApiToken(KalingaDb db, TimeProvider clock)
{
    public async Task<IssuedToken> HandleAsync(string name, AgentRole role, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw new RuleException("name", new LocalText("Adm3_Problem.TokenName"));
        }

        var (token, secret) = ApiToken.Issue(name, role, clock.GetUtcNow().UtcDateTime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(token.Id, token.Name, token.Role, token.Hint, secret);
    }
}

/// <summary>The secret is in this answer and nowhere else: only its hash is stored.</summary>
public sealed record IssuedToken(long Id, string Name, AgentRole Role, string Hint, string Secret);
