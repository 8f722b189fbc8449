using Kalinga.Agents.Auth;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kalinga.Agents;

/// <summary>
/// Ends a token for good. The row stays (name, hint, dates) so the timeline can still say which program did what.
/// This node stops accepting the token at once; others within the 30 s their cache holds it.
/// </summary>
public sealed class RevokeApiToken(KalingaDb db, IMemoryCache cache, TimeProvider clock)
{
    public async Task<bool> HandleAsync(long id, CancellationToken ct)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return false;
        }

        token.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        ApiTokenAuthenticationHandler.Forget(cache, token.Hash);
        return true;
    }
}
