using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kalinga.Tests.Channels.Email;

/// <summary>
/// The identity provider of the OAuth2 tests, listening where scripts/test-services.sh told Dovecot to ask
/// (KALINGA_TEST_OAUTH_SERVER): a token endpoint for the refresh flow (RFC 6749 §6) that rotates refresh tokens, and
/// the introspection endpoint (RFC 7662) Dovecot's oauth2 passdb checks every XOAUTH2 login against.
/// </summary>
public sealed class OAuthServer : IAsyncDisposable
{
    public const string ClientId = "kalinga-tests";
    public const string ClientSecret = "client-secret-for-tests";

    private readonly ConcurrentDictionary<string, bool> accessTokens = new();
    private readonly ConcurrentDictionary<string, bool> refreshTokens = new();
    private readonly WebApplication web;
    private int tokenRequests;

    private OAuthServer(string address, string user)
    {
        User = user;
        TokenEndpoint = $"http://{address}/token";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{address}");
        builder.Logging.ClearProviders();
        web = builder.Build();
        web.MapPost("/token", TokenAsync);
        web.MapPost("/introspect", IntrospectAsync);
    }

    public string User { get; }

    public string TokenEndpoint { get; }

    /// <summary>How many refresh requests the token endpoint answered, successful or not.</summary>
    public int TokenRequests => Volatile.Read(ref tokenRequests);

    public static async Task<OAuthServer> StartAsync()
    {
        var address = MailServers.Env("KALINGA_TEST_OAUTH_SERVER");
        var server = new OAuthServer(address, MailServers.Env("KALINGA_TEST_OAUTH_USER"));
        try
        {
            await server.web.StartAsync();
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The OAuth2 test server cannot listen on {address} (Dovecot's introspection_url points there): {e.Message}", e);
        }

        return server;
    }

    public string NewRefreshToken() => Issue(refreshTokens, "refresh");

    public string NewAccessToken() => Issue(accessTokens, "access");

    public bool IsLiveRefreshToken(string? token) => token is not null && refreshTokens.TryGetValue(token, out var live) && live;

    /// <summary>What an admin does by removing the app's consent: every token issued so far stops working.</summary>
    public void RevokeAll()
    {
        foreach (var token in accessTokens.Keys)
        {
            accessTokens[token] = false;
        }

        foreach (var token in refreshTokens.Keys)
        {
            refreshTokens[token] = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync();
        await web.DisposeAsync();
    }

    private static string Issue(ConcurrentDictionary<string, bool> tokens, string kind)
    {
        var token = $"{kind}-{Guid.NewGuid():N}";
        tokens[token] = true;
        return token;
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        Interlocked.Increment(ref tokenRequests);
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client", error_description = "Unknown client." }, statusCode: 401);
        }

        var presented = form["refresh_token"].ToString();
        if (form["grant_type"] != "refresh_token" || !refreshTokens.TryGetValue(presented, out var live) || !live)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "The refresh token is expired or revoked." }, statusCode: 400);
        }

        // Rotation: the old refresh token dies with this answer, so a client that does not store the new one is locked out.
        refreshTokens[presented] = false;
        return Results.Json(new { access_token = NewAccessToken(), token_type = "Bearer", expires_in = 3600, refresh_token = NewRefreshToken() });
    }

    private async Task<IResult> IntrospectAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        return accessTokens.TryGetValue(form["token"].ToString(), out var live) && live
            ? Results.Json(new { active = true, username = User })
            : Results.Json(new { active = false });
    }
}
