using System.ComponentModel.DataAnnotations;

namespace Kalinga.Channels.Email;

/// <summary>
/// A mailbox as admins write it. For every secret (password, token, client secret), null or "********" keeps the stored
/// one and an empty string removes it. Switching a side to another login mode drops the other mode's secrets.
/// </summary>
public sealed record MailboxRequest(
    [Required, StringLength(320)] string Address,
    [StringLength(200)] string? DisplayName = null,
    bool Enabled = true,
    InboundSettings? Inbound = null,
    OutboundSettings? Outbound = null,
    long? DefaultTeamId = null,
    [StringLength(8)] string? DefaultLanguage = null,
    bool SendReceipt = true,
    bool PlusAddressing = true);

public sealed record InboundSettings(
    InboundProtocol Protocol,
    [StringLength(255)] string? Host = null,
    int? Port = null,
    MailSecurity Security = MailSecurity.Ssl,
    [StringLength(320)] string? User = null,
    [StringLength(1000)] string? Password = null,
    [StringLength(255)] string? Folder = null,
    [StringLength(255)] string? ProcessedFolder = null,
    bool DeleteAfterFetch = false,
    MailAuth Auth = MailAuth.Password,
    OAuthSettings? OAuth = null);

public sealed record OutboundSettings(
    [Required, StringLength(255)] string Host,
    int? Port = null,
    MailSecurity Security = MailSecurity.StartTls,
    [StringLength(320)] string? User = null,
    [StringLength(1000)] string? Password = null,
    MailAuth Auth = MailAuth.Password,
    OAuthSettings? OAuth = null);

/// <summary>
/// OAuth2 login: a refresh token with its token endpoint and client (Microsoft 365, Google Workspace), from which
/// Kalinga gets access tokens itself, or just an access token that someone else keeps fresh.
/// </summary>
public sealed record OAuthSettings(
    [StringLength(1000)] string? TokenEndpoint = null,
    [StringLength(500)] string? ClientId = null,
    [StringLength(1000)] string? ClientSecret = null,
    [StringLength(1000)] string? Scope = null,
    [StringLength(8000)] string? RefreshToken = null,
    [StringLength(8000)] string? AccessToken = null);

/// <summary>A mailbox as the API shows it: settings without secrets (only whether one is set), and its health.</summary>
public sealed record MailboxView(
    long Id, string Address, string DisplayName, bool Enabled, InboundView Inbound, OutboundView? Outbound,
    long? DefaultTeamId, string? DefaultLanguage, bool SendReceipt, bool PlusAddressing, MailboxHealthView Health,
    DateTime CreatedAt, DateTime UpdatedAt);

public sealed record InboundView(
    InboundProtocol Protocol, string? Host, int Port, MailSecurity Security, string? User, bool PasswordSet,
    string Folder, string? ProcessedFolder, bool DeleteAfterFetch, MailAuth Auth, OAuthView? OAuth);

public sealed record OutboundView(string Host, int Port, MailSecurity Security, string? User, bool PasswordSet, MailAuth Auth, OAuthView? OAuth);

/// <summary>OAuth2 settings without their secrets: only whether each one is set.</summary>
public sealed record OAuthView(string? TokenEndpoint, string? ClientId, string? Scope, bool ClientSecretSet, bool RefreshTokenSet, bool AccessTokenSet);

/// <summary>
/// "ok", "error" (the last fetch or send failed), "never_fetched" or "disabled", with the facts behind it. After failed
/// OAuth2 refreshes, <c>NextFetchAttemptAt</c> and <c>NextSendAttemptAt</c> say when that side tries again.
/// </summary>
public sealed record MailboxHealthView(
    string Status, DateTime? LastFetchAt, string? LastError, DateTime? LastErrorAt, int MessagesWaiting,
    DateTime? LastSentAt, int SendFailures, string? LastSendError, DateTime? LastSendErrorAt, int QueuedReplies, int FailedReplies,
    DateTime? NextFetchAttemptAt = null, DateTime? NextSendAttemptAt = null);

public sealed record SetAsideView(long Id, SetAsideKind Kind, string Reason, string Source, long? MailboxId, string? FromAddress, string? Subject,
    string? InternetMessageId, long? RelatedMessageId, long RawSize, DateTime ReceivedAt);

public sealed record EmailView(long MessageId, long? MailboxId, string InternetMessageId, string? Subject, string? From, IReadOnlyList<string> To,
    IReadOnlyList<string> Cc, string? InReplyTo, string? References, bool IsAutomated, string? UnquotedText, IReadOnlyList<string> RemoteImages,
    bool HasRaw, long RawSize, int SendAttempts, DateTime? LastAttemptAt);
