using Kalinga.Channels.Web;
using Kalinga.Data;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Kalinga.Channels.Email;

/// <summary>
/// Sends the portal's own mail (sign-in links) through the first enabled mailbox that can send, as a plain-text
/// message marked automatic (RFC 3834), so responders do not answer it. Failures count on the mailbox's health.
/// </summary>
public sealed class SmtpPortalMail(IServiceScopeFactory scopes, MailConnections connections, TimeProvider clock) : IPortalMailTransport
{
    public async Task SendAsync(PortalMail mail, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        var mailbox = await db.Mailboxes.AsNoTracking().Where(m => m.Enabled && m.SmtpHost != null).OrderBy(m => m.Id).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("No mailbox with SMTP settings is configured, so portal mail cannot be sent.");
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = $"portal{mail.Id}.{Guid.NewGuid():N}@{mailbox.Domain}",
            Date = new DateTimeOffset(now, TimeSpan.Zero),
            Body = new TextPart("plain") { Text = mail.Text },
        };
        message.From.Add(new MailboxAddress(mailbox.DisplayName, mailbox.Address));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Headers.Add(HeaderId.ContentLanguage, mail.Language);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        try
        {
            using var smtp = new SmtpClient();
            await connections.ConnectAsync(smtp, mailbox, MailSide.Outbound, ct);
            await smtp.SendAsync(message, ct);
            await smtp.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await MailboxHealth.SendFailedAsync(db, mailbox.Id, MailConnections.Describe(e), now, ct);
            throw;
        }

        await MailboxHealth.SentAsync(db, mailbox.Id, now, ct);
    }
}
