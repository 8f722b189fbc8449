using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Email;

/// <summary>
/// Access tokens for mailboxes that log in with OAuth2. A refresh token is traded at the token endpoint with the
/// standard form POST (RFC 6749 §6); the access token is kept in memory until a minute before it expires, and a
/// refresh token the server rotates is stored at once, because the old one may already be dead. Failures come out
/// as <see cref="OAuthTokenException"/>, which the pollers and the SMTP adapter record on the mailbox health.
/// A refresh that fails is not asked again for a while, doubling from 30 seconds up to an hour: a dead refresh token
/// (invalid_grant) stays dead, and asking every poll only hammers the provider. The wait is stored on the mailbox, so
/// every node keeps it and the health shows it; a success, new settings or "check now" end it.
/// </summary>
public sealed class OAuthTokens(IHttpClientFactory http, IServiceScopeFactory scopes, MailboxSecrets secrets, TimeProvider clock) : IDisposable
{
    public const string ClientName = "Kalinga.Email.OAuth";

    /// <summary>A token is renewed this long before the server's expiry, so a login never starts with a dying one.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    /// <summary>Used when the server gives no expires_in (it is only RECOMMENDED by RFC 6749 §5.1).</summary>
    private static readonly TimeSpan AssumedLifetime = TimeSpan.FromMinutes(30);

    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(long, MailSide), Cached> cache = new();
    private readonly SemaphoreSlim refreshing = new(1, 1);

    public async Task<string> AccessTokenAsync(Mailbox mailbox, MailSide side, CancellationToken ct)
    {
        var login = side == MailSide.Inbound ? mailbox.InboundOAuth : mailbox.SmtpOAuth;
        if (!login.UsesRefresh)
        {
            return secrets.Unprotect(login.AccessToken) ?? throw new OAuthTokenException("The mailbox has neither an access token nor a refresh token.");
        }

        var key = (mailbox.Id, side);
        if (Fresh(key, mailbox.UpdatedAt) is { } token)
        {
            return token;
        }

        await refreshing.WaitAsync(ct);
        try
        {
            return Fresh(key, mailbox.UpdatedAt) ?? await RefreshAsync(key, ct);
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>How long to wait after <paramref name="failures"/> refreshes failed in a row: 30 s, 1 min, 2 min … at most an hour.</summary>
    public static TimeSpan Backoff(int failures) =>
        failures <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks << Math.Min(failures - 1, 20)));

    /// <summary>"Check now": the admin wants an answer at once, so both sides may ask the token endpoint again.</summary>
    public static async Task RetryNowAsync(KalingaDb db, long mailboxId, CancellationToken ct)
    {
        var mailbox = await db.Mailboxes.SingleOrDefaultAsync(m => m.Id == mailboxId, ct);
        if (mailbox is null || (mailbox.InboundOAuth.RetryAt is null && mailbox.SmtpOAuth.RetryAt is null))
        {
            return;
        }

        foreach (var login in new[] { mailbox.InboundOAuth, mailbox.SmtpOAuth })
        {
            (login.RefreshFailures, login.RetryAt) = (0, null);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Drops a cached token the server refused (revoked before its expiry), so the next login asks for a new one.</summary>
    public void Forget(long mailboxId, MailSide side) => cache.TryRemove((mailboxId, side), out _);

    private string? Fresh((long, MailSide) key, DateTime settingsVersion) =>
        cache.TryGetValue(key, out var cached) && cached.SettingsVersion == settingsVersion && clock.GetUtcNow() < cached.RenewAt ? cached.Token : null;

    private async Task<string> RefreshAsync((long Id, MailSide Side) key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();

        // Read the refresh token from the database, not from the caller's copy of the mailbox: another pass may have
        // stored a rotated one since that copy was loaded.
        var mailbox = await db.Mailboxes.SingleAsync(m => m.Id == key.Id, ct);
        var login = key.Side == MailSide.Inbound ? mailbox.InboundOAuth : mailbox.SmtpOAuth;
        if (!Uri.TryCreate(login.TokenEndpoint, UriKind.Absolute, out var endpoint) || login.RefreshToken is null)
        {
            throw new OAuthTokenException("The OAuth2 settings are incomplete: a refresh token needs a token endpoint.");
        }

        var started = clock.GetUtcNow();
        if (login.RetryAt is { } retryAt && started.UtcDateTime < retryAt)
        {
            throw new OAuthTokenException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Refreshing the access token failed {login.RefreshFailures} time(s) in a row; the next attempt is at {retryAt:yyyy-MM-dd HH:mm:ss} UTC. Renew the OAuth2 settings, or check the mailbox now to try at once."));
        }

        string accessToken;
        JsonElement answer;
        try
        {
            (accessToken, answer) = await RequestAsync(endpoint, login, ct);
        }
        catch (OAuthTokenException)
        {
            login.RefreshFailures++;
            login.RetryAt = started.UtcDateTime + Backoff(login.RefreshFailures);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        var recovered = login.RefreshFailures != 0 || login.RetryAt is not null;
        (login.RefreshFailures, login.RetryAt) = (0, null);
        var rotated = Text(answer, "refresh_token") is { Length: > 0 } fresh ? fresh : null;
        if (rotated is not null)
        {
            login.RefreshToken = secrets.Protect(rotated);
        }

        if (rotated is not null || recovered)
        {
            await db.SaveChangesAsync(ct);
        }

        var lifetime = Seconds(answer, "expires_in") is { } s ? TimeSpan.FromSeconds(s) : AssumedLifetime;
        var renewAt = started + (lifetime > Margin * 2 ? lifetime - Margin : lifetime / 2);
        cache[key] = new Cached(accessToken, renewAt, mailbox.UpdatedAt);
        return accessToken;
    }

    private async Task<(string AccessToken, JsonElement Answer)> RequestAsync(Uri endpoint, OAuthLogin login, CancellationToken ct)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = secrets.Unprotect(login.RefreshToken)!,
            ["client_id"] = login.ClientId ?? "",
        };
        if (secrets.Unprotect(login.ClientSecret) is { Length: > 0 } clientSecret)
        {
            form["client_secret"] = clientSecret;
        }

        if (login.Scope is { Length: > 0 } scopeList)
        {
            form["scope"] = scopeList;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        JsonElement answer;
        int status;
        try
        {
            using var response = await http.CreateClient(ClientName).SendAsync(request, ct);
            status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(ct);
            answer = body.Length > 0 && body.TrimStart().StartsWith('{') ? JsonDocument.Parse(body).RootElement.Clone() : default;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            throw new OAuthTokenException($"The token endpoint {endpoint.GetLeftPart(UriPartial.Path)} did not answer usably: {e.Message}", e);
        }

        if (status is < 200 or > 299 || Text(answer, "access_token") is not { Length: > 0 } accessToken)
        {
            // RFC 6749 §5.2: error and error_description name the problem (invalid_grant: the refresh token is dead).
            var why = Text(answer, "error") is { } error ? error + (Text(answer, "error_description") is { } d ? ": " + d : "") : "no access_token in the answer";
            throw new OAuthTokenException($"The token endpoint {endpoint.GetLeftPart(UriPartial.Path)} refused to refresh the access token (HTTP {status}, {why}).");
        }

        return (accessToken, answer);
    }

    private static string? Text(JsonElement answer, string name) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>expires_in is a number in RFC 6749, but some servers send it as a string.</summary>
    private static long? Seconds(JsonElement answer, string name) =>
        answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty(name, out var v) ? null
        : v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n > 0 ? n
        : v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed
        : null;

    public void Dispose() => refreshing.Dispose();

    private sealed record Cached(string Token, DateTimeOffset RenewAt, DateTime SettingsVersion);
}
