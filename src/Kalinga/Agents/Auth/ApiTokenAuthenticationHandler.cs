using System.Security.Claims;
using System.Text.Encodings.Web;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Kalinga.Agents.Auth;

/// <summary>
/// <c>Authorization: Bearer klg_…</c>. A verified token is cached for half a minute so busy integrations do not
/// cost a database read per request; a revoked token therefore stops working within 30 seconds.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KalingaDb db,
    IMemoryCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("Not a Kalinga API token.");
        }

        var hash = ApiToken.HashOf(secret);
        if (!cache.TryGetValue(hash, out ClaimsPrincipal? principal))
        {
            // Only valid tokens are cached: caching misses would let anyone fill memory with random tokens.
            var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, Context.RequestAborted);
            if (token is not null)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
                principal = new ClaimsPrincipal(Policies.IdentityFor(ActorKind.ApiToken, token.Id, token.Name, token.Role, SchemeName));
                cache.Set(hash, principal, CacheFor);
            }
        }

        return principal is null
            ? AuthenticateResult.Fail("Unknown or revoked API token.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Drops a token from this node's cache, so a revocation applies here at once (other nodes: within 30 s).</summary>
    public static void Forget(IMemoryCache cache, string hash) => cache.Remove(hash);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
