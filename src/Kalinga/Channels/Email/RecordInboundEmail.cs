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
        // Only a duplicate can already have its record; a message stored just now cannot.
        if (result.MessageId is not { } messageId
            || (result.Outcome == InboundOutcome.Duplicate && await db.EmailRecords.AnyAsync(r => r.MessageId == messageId, ct)))
        {
            return;
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var record = NewRecord(messageId, mail, raw, mailbox, automated);
        db.EmailRecords.Add(record);

        // Message first, then its ticket, both by key: asked as "the ticket that has this message", SQLite walked every
        // ticket (a fifth of a second per e-mail at a million tickets). Right after the channel step both are still
        // tracked, and found without a query.
        var message = await db.Messages.FindAsync([messageId], ct) ?? throw new InvalidOperationException($"Message {messageId} is gone.");
        var ticket = await db.Tickets.FindAsync([message.TicketId], ct) ?? throw new InvalidOperationException($"Ticket {message.TicketId} is gone.");
        var isFirst = result.Outcome switch
        {
            InboundOutcome.NewTicket => true,
            InboundOutcome.Threaded => false,
            _ => await db.Messages.Where(m => m.TicketId == ticket.Id).MinAsync(m => m.Id, ct) == messageId,
        };
        await FirstMessageAsync(isFirst, ticket, record, mailbox, automated, mayAnswer, ct);
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>
    /// In a batch: adds the record of a message the batch stores, unsaved, pointing at the message's temporary key
    /// (the batch's save puts the real one in). A duplicate of a message stored before the batch gets its missing
    /// record as alone; one of a message in the same batch shares that message's record.
    /// </summary>
    public async Task AddAsync(BatchedInbound stored, ParsedMail mail, StoredBlob raw, Mailbox? mailbox, string? automated, bool mayAnswer, CancellationToken ct)
    {
        if (stored.Outcome == InboundOutcome.Duplicate)
        {
            if (stored.KnownMessageId is not null)
            {
                await HandleAsync(stored.Result, mail, raw, mailbox, automated, mayAnswer, ct);
            }

            return;
        }

        var message = db.Entry(stored.Message!);
        var record = NewRecord(message.Property(m => m.Id).CurrentValue, mail, raw, mailbox, automated);
        db.EmailRecords.Add(record);
        await FirstMessageAsync(stored.Outcome == InboundOutcome.NewTicket, stored.Ticket!, record, mailbox, automated, mayAnswer, ct);
    }

    // A new ticket by e-mail goes to the mailbox's team and gets the receipt.
    private async Task FirstMessageAsync(bool isFirst, Ticket ticket, EmailRecord record, Mailbox? mailbox, string? automated, bool mayAnswer, CancellationToken ct)
    {
        if (isFirst && mailbox is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (mailbox.DefaultTeamId is { } team && ticket.TeamId is null && ticket.AssigneeId is null)
            {
                ticket.Assign(null, team, Actor.System, now);
            }

            if (mayAnswer && automated is null && mailbox.SendReceipt && mailbox.CanSend && ticket.Channel == Channel.Email && ticket.Status != TicketStatus.Closed)
            {
                await receipts.QueueAsync(ticket, mailbox, record, ct);
            }
        }
    }

    private EmailRecord NewRecord(long messageId, ParsedMail mail, StoredBlob raw, Mailbox? mailbox, string? automated) =>
        new(messageId, mailbox?.Id, mail.MessageId, clock.GetUtcNow().UtcDateTime)
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

    private static string? Shorten(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length > max ? value[..max] : value;
}
