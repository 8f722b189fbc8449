namespace Kalinga.Channels.Email;

/// <summary>
/// One side's OAuth2 settings, stored as columns of the mailbox row. Either a fixed access token, or a refresh token
/// that Kalinga trades at the token endpoint for short-lived access tokens (RFC 6749 §6). The tokens and the client
/// secret are kept in protected form (<see cref="MailboxSecrets"/>).
/// </summary>
public sealed class OAuthLogin
{
    public string? TokenEndpoint { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Some providers (Microsoft's identity platform) want the scope named again on every refresh.</summary>
    public string? Scope { get; set; }

    public string? RefreshToken { get; set; }

    public string? AccessToken { get; set; }

    /// <summary>Refreshes in a row the token endpoint refused or did not answer; a success or new settings reset it.</summary>
    public int RefreshFailures { get; set; }

    /// <summary>While refreshes fail: the earliest time to ask the token endpoint again (see <see cref="OAuthTokens.Backoff"/>).</summary>
    public DateTime? RetryAt { get; set; }

    public bool UsesRefresh => RefreshToken is not null;
}
