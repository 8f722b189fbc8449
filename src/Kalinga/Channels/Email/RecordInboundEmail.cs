using Kalinga.Attachments;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Email;

/// <summary>
/// The e-mail half of an inbound message, written right after the channel-agnostic step committed it: headers, CC
/// list and raw .eml link, the mailbox's default team on a new ticket, and the receipt. It runs again for a
/// duplicate whose record is missing (a crash between the two commits), so that gap heals on the next fetch.
/// </summary>
public sealed class RecordInboundEmail(KalingaDb db, ReceiptSender receipts, TimeProvider clock)
{
    public async Task HandleAsync(InboundResult result, ParsedMail mail, StoredBlob raw, Mailbox? mailbox, string? automated, bool mayAnswer, CancellationToken ct)
    {
        if (result.MessageId is not { } messageId || await db.EmailRecords.AnyAsync(r => r.MessageId == messageId, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var record = new EmailRecord(messageId, mailbox?.Id, mail.MessageId, now)
        {
            Subject = mail.Subject,
            FromAddress = mail.FromAddress,
            To = [.. mail.To],
            Cc = [.. mail.Cc],
            InReplyTo = mail.InReplyTo,
            References = Shorten(string.Join(' ', mail.References), 8000),
            RawSha256 = raw.Sha256,
            RawSize = raw.Length,
            IsAutomated = automated is not null,
            UnquotedText = mail.UnquotedText,
            RemoteImages = [.. mail.RemoteImages.Select(u => Shorten(u, 2000)!)],
        };
        db.EmailRecords.Add(record);

        // Message first, then its ticket, both by key: asked as "the ticket that has this message", SQLite walked every
        // ticket (a fifth of a second per e-mail at a million tickets).
        var ticketId = await db.Messages.Where(m => m.Id == messageId).Select(m => m.TicketId).SingleAsync(ct);
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, ct);
        var isFirst = await db.Messages.Where(m => m.TicketId == ticket.Id).MinAsync(m => m.Id, ct) == messageId;
        if (isFirst && mailbox is not null)
        {
            if (mailbox.DefaultTeamId is { } team && ticket.TeamId is null && ticket.AssigneeId is null)
            {
                ticket.Assign(null, team, Actor.System, now);
            }

            if (mayAnswer && automated is null && mailbox.SendReceipt && mailbox.CanSend && ticket.Channel == Channel.Email && ticket.Status != TicketStatus.Closed)
            {
                await receipts.QueueAsync(ticket, mailbox, record, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static string? Shorten(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length > max ? value[..max] : value;
}
