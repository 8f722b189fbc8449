using Kalinga.Customers;
using Kalinga.Data;
using Kalinga.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Email;

/// <summary>Creates or changes a mailbox. Passwords and tokens are protected before they are stored and never read back out.</summary>
public sealed class SaveMailbox(KalingaDb db, MailboxSecrets secrets, TimeProvider clock)
{
    /// <summary>What forms send back in place of a stored secret they were never shown: keep it.</summary>
    public const string Unchanged = "********";

    public async Task<Mailbox?> HandleAsync(long? id, MailboxRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var address = request.Address.Trim().ToLowerInvariant();
        if (!CustomerIdentity.IsValid(IdentityKind.Email, address) || address.Contains('+', StringComparison.Ordinal))
        {
            throw new RuleException("address", new LocalText("Adm3_Problem.MailboxAddress", request.Address));
        }

        var mailbox = id is null ? new Mailbox(address, now) : await db.Mailboxes.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mailbox is null)
        {
            return null;
        }

        if (await db.Mailboxes.AnyAsync(m => m.Address == address && m.Id != mailbox.Id, ct))
        {
            throw new RuleException("address", new LocalText("Adm3_Problem.MailboxTaken", address));
        }

        if (request.DefaultTeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
        {
            throw new RuleException("defaultTeamId", new LocalText("Adm3_Problem.NoTeam", team));
        }

        if (request.DefaultLanguage is { } language && !Languages.IsSupported(language))
        {
            throw new RuleException("defaultLanguage", new LocalText("Adm3_Problem.UseOneOf", string.Join(", ", Languages.Supported)));
        }

        mailbox.Address = address;
        mailbox.DisplayName = request.DisplayName?.Trim() ?? "";
        mailbox.Enabled = request.Enabled;
        mailbox.DefaultTeamId = request.DefaultTeamId;
        mailbox.DefaultLanguage = request.DefaultLanguage;
        mailbox.SendReceipt = request.SendReceipt;
        mailbox.PlusAddressing = request.PlusAddressing;
        ApplyInbound(mailbox, request.Inbound ?? new InboundSettings(InboundProtocol.None));
        ApplyOutbound(mailbox, request.Outbound);
        mailbox.UpdatedAt = now;
        if (id is null)
        {
            db.Mailboxes.Add(mailbox);
        }

        await db.SaveChangesAsync(ct);
        return mailbox;
    }

    private void ApplyInbound(Mailbox mailbox, InboundSettings inbound)
    {
        if (inbound.Protocol != InboundProtocol.None && string.IsNullOrWhiteSpace(inbound.Host))
        {
            throw new RuleException("inbound.host", new LocalText("Adm3_Problem.InboundHost"));
        }

        if (inbound.Protocol != InboundProtocol.Imap && !string.IsNullOrEmpty(inbound.ProcessedFolder))
        {
            throw new RuleException("inbound.processedFolder", new LocalText("Adm3_Problem.ProcessedFolder"));
        }

        if (inbound.Protocol != InboundProtocol.Pop3 && inbound.DeleteAfterFetch)
        {
            throw new RuleException("inbound.deleteAfterFetch", new LocalText("Adm3_Problem.DeleteAfterFetch"));
        }

        var changedServer = mailbox.InboundHost != inbound.Host?.Trim() || mailbox.InboundUser != inbound.User || mailbox.Folder != (inbound.Folder ?? "INBOX");
        mailbox.InboundProtocol = inbound.Protocol;
        mailbox.InboundHost = inbound.Protocol == InboundProtocol.None ? null : inbound.Host!.Trim();
        mailbox.InboundSecurity = inbound.Security;
        mailbox.InboundPort = Port(inbound.Port, "inbound.port", (inbound.Protocol, inbound.Security) switch
        {
            (InboundProtocol.Imap, MailSecurity.Ssl) => 993,
            (InboundProtocol.Imap, _) => 143,
            (InboundProtocol.Pop3, MailSecurity.Ssl) => 995,
            (InboundProtocol.Pop3, _) => 110,
            _ => 0,
        });
        mailbox.InboundUser = inbound.User?.Trim();
        if (inbound.Protocol == InboundProtocol.None)
        {
            (mailbox.InboundAuth, mailbox.InboundSecret, mailbox.InboundOAuth) = (MailAuth.Password, null, new OAuthLogin());
        }
        else
        {
            (mailbox.InboundSecret, mailbox.InboundOAuth) = Login("inbound", inbound.Auth, mailbox.InboundUser, inbound.Password, inbound.OAuth, mailbox.InboundSecret, mailbox.InboundOAuth);
            mailbox.InboundAuth = inbound.Auth;
        }

        mailbox.Folder = string.IsNullOrWhiteSpace(inbound.Folder) ? "INBOX" : inbound.Folder.Trim();
        mailbox.ProcessedFolder = string.IsNullOrWhiteSpace(inbound.ProcessedFolder) ? null : inbound.ProcessedFolder.Trim();
        mailbox.DeleteAfterFetch = inbound.DeleteAfterFetch;
        if (changedServer)
        {
            // Another server or folder: UIDs from the old one mean nothing there.
            mailbox.ImapUidValidity = null;
            mailbox.ImapLastUid = 0;
        }
    }

    private void ApplyOutbound(Mailbox mailbox, OutboundSettings? outbound)
    {
        mailbox.SmtpHost = outbound?.Host.Trim();
        mailbox.SmtpSecurity = outbound?.Security ?? MailSecurity.StartTls;
        mailbox.SmtpPort = outbound is null ? 0 : Port(outbound.Port, "outbound.port", outbound.Security switch
        {
            MailSecurity.Ssl => 465,
            MailSecurity.StartTls => 587,
            _ => 25,
        });
        mailbox.SmtpUser = outbound?.User?.Trim();
        if (outbound is null)
        {
            (mailbox.SmtpAuth, mailbox.SmtpSecret, mailbox.SmtpOAuth) = (MailAuth.Password, null, new OAuthLogin());
        }
        else
        {
            (mailbox.SmtpSecret, mailbox.SmtpOAuth) = Login("outbound", outbound.Auth, mailbox.SmtpUser, outbound.Password, outbound.OAuth, mailbox.SmtpSecret, mailbox.SmtpOAuth);
            mailbox.SmtpAuth = outbound.Auth;
        }
    }

    /// <summary>One side's login: the protected password, or the OAuth2 settings (the unused mode's secrets are dropped).</summary>
    private (string? Secret, OAuthLogin OAuth) Login(string side, MailAuth auth, string? user, string? password, OAuthSettings? oauth, string? storedSecret, OAuthLogin stored)
    {
        if (auth == MailAuth.Password)
        {
            return (Secret(password, storedSecret), new OAuthLogin());
        }

        if (string.IsNullOrWhiteSpace(user))
        {
            throw new RuleException($"{side}.user", new LocalText("Adm3_Problem.OAuthUser"));
        }

        if (oauth is null)
        {
            throw new RuleException($"{side}.oauth", new LocalText("Adm3_Problem.OAuthSettings"));
        }

        var login = new OAuthLogin
        {
            TokenEndpoint = Trimmed(oauth.TokenEndpoint),
            ClientId = Trimmed(oauth.ClientId),
            Scope = Trimmed(oauth.Scope),
            ClientSecret = Secret(oauth.ClientSecret, stored.ClientSecret),
            RefreshToken = Secret(oauth.RefreshToken, stored.RefreshToken),
            AccessToken = Secret(oauth.AccessToken, stored.AccessToken),
        };
        if (login.RefreshToken is null)
        {
            return login.AccessToken is null
                ? throw new RuleException($"{side}.oauth.refreshToken", new LocalText("Adm3_Problem.OAuthRefresh"))
                : (null, login);
        }

        if (login.TokenEndpoint is null)
        {
            throw new RuleException($"{side}.oauth.tokenEndpoint", new LocalText("Adm3_Problem.OAuthEndpoint"));
        }

        if (!Uri.TryCreate(login.TokenEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http"))
        {
            throw new RuleException($"{side}.oauth.tokenEndpoint", new LocalText("Adm3_Problem.OAuthHttps"));
        }

        if (login.ClientId is null)
        {
            throw new RuleException($"{side}.oauth.clientId", new LocalText("Adm3_Problem.OAuthClient"));
        }

        // With a refresh token Kalinga gets its own access tokens; a fixed one beside it would only go stale.
        login.AccessToken = null;
        return (null, login);
    }

    private string? Secret(string? given, string? stored) => given is null or Unchanged ? stored : secrets.Protect(given);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int Port(int? port, string field, int fallback) =>
        port is null ? fallback : port is >= 1 and <= 65535 ? port.Value : throw new RuleException(field, new LocalText("Adm3_Problem.Port"));
}
