using Kalinga.Customers;
using Kalinga.Data;
using Kalinga.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Email;

/// <summary>Creates or changes a mailbox. Passwords are protected before they are stored and never read back out.</summary>
public sealed class SaveMailbox(KalingaDb db, MailboxSecrets secrets, TimeProvider clock)
{
    public async Task<Mailbox?> HandleAsync(long? id, MailboxRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var address = request.Address.Trim().ToLowerInvariant();
        if (!CustomerIdentity.IsValid(IdentityKind.Email, address) || address.Contains('+', StringComparison.Ordinal))
        {
            throw new RuleException("address", $"'{request.Address}' is not a valid e-mail address (without a +tag).");
        }

        var mailbox = id is null ? new Mailbox(address, now) : await db.Mailboxes.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mailbox is null)
        {
            return null;
        }

        if (await db.Mailboxes.AnyAsync(m => m.Address == address && m.Id != mailbox.Id, ct))
        {
            throw new RuleException("address", $"Another mailbox already uses {address}.");
        }

        if (request.DefaultTeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
        {
            throw new RuleException("defaultTeamId", $"There is no team {team}.");
        }

        if (request.DefaultLanguage is { } language && !Languages.IsSupported(language))
        {
            throw new RuleException("defaultLanguage", $"Use one of: {string.Join(", ", Languages.Supported)}.");
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
            throw new RuleException("inbound.host", "Name the IMAP or POP3 server.");
        }

        if (inbound.Protocol != InboundProtocol.Imap && !string.IsNullOrEmpty(inbound.ProcessedFolder))
        {
            throw new RuleException("inbound.processedFolder", "Only IMAP has folders to move processed mail to.");
        }

        if (inbound.Protocol != InboundProtocol.Pop3 && inbound.DeleteAfterFetch)
        {
            throw new RuleException("inbound.deleteAfterFetch", "Only POP3 deletes fetched mail; for IMAP, name a processed folder.");
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
        mailbox.InboundSecret = inbound.Password is null ? mailbox.InboundSecret : secrets.Protect(inbound.Password);
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
        mailbox.SmtpSecret = outbound is null ? null : outbound.Password is null ? mailbox.SmtpSecret : secrets.Protect(outbound.Password);
    }

    private static int Port(int? port, string field, int fallback) =>
        port is null ? fallback : port is >= 1 and <= 65535 ? port.Value : throw new RuleException(field, "A port is a number from 1 to 65535.");
}
