using Kalinga.Attachments;
using Kalinga.Customers;
using Kalinga.Data;
using Kalinga.Tickets;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Email;

/// <summary>
/// Sends e-mail replies (and receipts) through the ticket's mailbox. The Message-ID and recipients are committed
/// before the first byte goes out, and every attempt is recorded first, so a retry re-sends the very same message.
/// The one window left: the SMTP server accepted the message and the process died before <see cref="DeliverReplies"/>
/// committed "sent". That reply goes out again with the same Message-ID, which mail clients show once
/// (docs/adr/0008-email-delivery.md).
/// </summary>
public sealed class SmtpAdapter(IServiceScopeFactory scopes, IBlobStore blobs, MailConnections connections, TimeProvider clock) : IChannelAdapter
{
    public Channel Channel => Channel.Email;

    public async Task<string?> SendAsync(Ticket ticket, Message reply, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.EmailRecords.SingleOrDefaultAsync(r => r.MessageId == reply.Id, ct) ?? await NewRecordAsync(db, ticket, reply, now, ct);
        var mailbox = await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync(m => m.Id == record.MailboxId && m.SmtpHost != null, ct)
            ?? await DefaultMailboxAsync(db, ct);
        if (record.To.Count == 0)
        {
            throw new InvalidOperationException("The customer has no e-mail address to send this reply to.");
        }

        record.SendAttempts++;
        record.LastAttemptAt = now;
        await db.SaveChangesAsync(ct);

        var files = new List<(string, string, Stream)>();
        try
        {
            foreach (var a in reply.Attachments)
            {
                var content = await blobs.OpenReadAsync(a.Sha256, ct) ?? throw new InvalidOperationException($"The file {a.FileName} is missing from the blob store.");
                files.Add((a.FileName, a.ContentType, content));
            }

            var message = OutboundMail.Compose(mailbox, ticket, reply, record, files, now);
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
        finally
        {
            foreach (var (_, _, stream) in files)
            {
                await stream.DisposeAsync();
            }
        }

        await MailboxHealth.SentAsync(db, mailbox.Id, now, ct);
        return record.InternetMessageId;
    }

    /// <summary>Answers the customer's latest e-mail: to its sender, keeping its CC list, threaded under it.</summary>
    private static async Task<EmailRecord> NewRecordAsync(KalingaDb db, Ticket ticket, Message reply, DateTime now, CancellationToken ct)
    {
        var onTicket = db.EmailRecords.Where(r => r.MessageId != reply.Id && db.Messages.Any(m => m.Id == r.MessageId && m.TicketId == ticket.Id));
        var inbound = await onTicket.Where(r => db.Messages.Any(m => m.Id == r.MessageId && m.Direction == MessageDirection.In))
            .OrderByDescending(r => r.MessageId).FirstOrDefaultAsync(ct);
        var parent = inbound ?? await onTicket.OrderByDescending(r => r.MessageId).FirstOrDefaultAsync(ct);
        var preferred = (inbound ?? parent)?.MailboxId;
        var mailbox = await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync(m => m.Id == preferred && m.SmtpHost != null, ct)
            ?? await DefaultMailboxAsync(db, ct);
        var to = inbound?.FromAddress ?? await db.CustomerIdentities
            .Where(i => i.CustomerId == ticket.CustomerId && i.Kind == IdentityKind.Email).OrderByDescending(i => i.IsPrimary).Select(i => i.Value).FirstOrDefaultAsync(ct);
        var own = await db.Mailboxes.Select(m => m.Address).ToListAsync(ct);
        var references = ((parent?.References ?? "") + " " + parent?.InternetMessageId).Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(20);
        var record = new EmailRecord(reply.Id, mailbox.Id, OutboundMail.NewMessageId(mailbox, ticket.Number), now)
        {
            Subject = TicketToken.ReplySubject(inbound?.Subject ?? ticket.Subject, ticket.Number),
            FromAddress = mailbox.Address,
            To = to is null ? [] : [to],
            Cc = [.. (inbound?.Cc ?? []).Where(a => a != to && !own.Contains(ReplyAddress.Untagged(a))).Distinct().Take(50)],
            InReplyTo = parent?.InternetMessageId,
            References = string.Join(' ', references),
            IsAutomated = reply.AuthorKind == ActorKind.System,
        };
        db.EmailRecords.Add(record);
        return record;
    }

    private static async Task<Mailbox> DefaultMailboxAsync(KalingaDb db, CancellationToken ct) =>
        await db.Mailboxes.AsNoTracking().Where(m => m.Enabled && m.SmtpHost != null).OrderBy(m => m.Id).FirstOrDefaultAsync(ct)
        ?? throw new InvalidOperationException("No mailbox with SMTP settings is configured, so e-mail replies cannot be sent.");
}
