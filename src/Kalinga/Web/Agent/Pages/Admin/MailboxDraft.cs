using Kalinga.Channels.Email;

namespace Kalinga.Web.Agent.Pages.Admin;

/// <summary>
/// The mailbox form's editable state. Secrets are never loaded into it: a secret field starts empty, and empty means
/// "keep what is stored", so nothing secret ever reaches the browser.
/// </summary>
public sealed class MailboxDraft
{
    public long? Id { get; set; }

    public string Address { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public InboundProtocol Protocol { get; set; } = InboundProtocol.Imap;

    public SideDraft Inbound { get; } = new() { Security = MailSecurity.Ssl };

    public string Folder { get; set; } = "INBOX";

    public string? ProcessedFolder { get; set; }

    public bool DeleteAfterFetch { get; set; }

    public bool SendsMail { get; set; } = true;

    public SideDraft Outbound { get; } = new() { Security = MailSecurity.StartTls };

    public bool PlusAddressing { get; set; } = true;

    public long? DefaultTeamId { get; set; }

    public string? DefaultLanguage { get; set; }

    public bool SendReceipt { get; set; } = true;

    public static MailboxDraft From(MailboxView view)
    {
        var draft = new MailboxDraft
        {
            Id = view.Id,
            Address = view.Address,
            DisplayName = view.DisplayName,
            Enabled = view.Enabled,
            Protocol = view.Inbound.Protocol,
            Folder = view.Inbound.Folder,
            ProcessedFolder = view.Inbound.ProcessedFolder,
            DeleteAfterFetch = view.Inbound.DeleteAfterFetch,
            SendsMail = view.Outbound is not null,
            PlusAddressing = view.PlusAddressing,
            DefaultTeamId = view.DefaultTeamId,
            DefaultLanguage = view.DefaultLanguage,
            SendReceipt = view.SendReceipt,
        };
        draft.Inbound.Load(view.Inbound.Host, view.Inbound.Port, view.Inbound.Security, view.Inbound.User, view.Inbound.PasswordSet, view.Inbound.Auth, view.Inbound.OAuth);
        if (view.Outbound is { } o)
        {
            draft.Outbound.Load(o.Host, o.Port, o.Security, o.User, o.PasswordSet, o.Auth, o.OAuth);
        }

        return draft;
    }

    public MailboxRequest ToRequest() => new(
        Address,
        DisplayName,
        Enabled,
        new InboundSettings(
            Protocol, Inbound.Host, Inbound.Port, Inbound.Security, Inbound.User, Inbound.PasswordToSend, Folder,
            Protocol == InboundProtocol.Imap ? ProcessedFolder : null, Protocol == InboundProtocol.Pop3 && DeleteAfterFetch,
            Inbound.Auth, Inbound.OAuthToSend),
        SendsMail ? new OutboundSettings(Outbound.Host ?? "", Outbound.Port, Outbound.Security, Outbound.User, Outbound.PasswordToSend, Outbound.Auth, Outbound.OAuthToSend) : null,
        DefaultTeamId,
        DefaultLanguage,
        SendReceipt,
        PlusAddressing);
}

/// <summary>One side (receiving or sending) of the form: server, login mode and the secrets typed in this time.</summary>
public sealed class SideDraft
{
    public string? Host { get; set; }

    public int? Port { get; set; }

    public MailSecurity Security { get; set; }

    public string? User { get; set; }

    public MailAuth Auth { get; set; }

    public string? Password { get; set; }

    public bool PasswordSet { get; private set; }

    public bool UsesRefreshToken { get; set; } = true;

    public string? TokenEndpoint { get; set; }

    public string? ClientId { get; set; }

    public string? Scope { get; set; }

    public string? ClientSecret { get; set; }

    public string? RefreshToken { get; set; }

    public string? AccessToken { get; set; }

    public OAuthView? Stored { get; private set; }

    public string? PasswordToSend => string.IsNullOrEmpty(Password) ? null : Password;

    /// <summary>The unused token kind is sent as "" so the server drops it; an empty field keeps what is stored.</summary>
    public OAuthSettings? OAuthToSend => Auth != MailAuth.OAuth2 ? null : new OAuthSettings(
        TokenEndpoint, ClientId, Typed(ClientSecret), Scope,
        UsesRefreshToken ? Typed(RefreshToken) : "",
        UsesRefreshToken ? "" : Typed(AccessToken));

    public void Load(string? host, int port, MailSecurity security, string? user, bool passwordSet, MailAuth auth, OAuthView? oauth)
    {
        (Host, Port, Security, User, PasswordSet, Auth, Stored) = (host, port == 0 ? null : port, security, user, passwordSet, auth, oauth);
        if (oauth is not null)
        {
            (TokenEndpoint, ClientId, Scope, UsesRefreshToken) = (oauth.TokenEndpoint, oauth.ClientId, oauth.Scope, !oauth.AccessTokenSet);
        }
    }

    private static string? Typed(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
