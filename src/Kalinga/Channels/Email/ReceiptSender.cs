using System.Globalization;
using System.Resources;
using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kalinga.Channels.Email;

/// <summary>
/// Queues the acknowledgement a customer gets for a new e-mail ticket, in their language, through the same outbox
/// as agents' replies. It is marked automatic (RFC 3834 Auto-Submitted: auto-replied) so well-behaved robots do not
/// answer it, and a customer gets at most a few per hour however much they write.
/// </summary>
public sealed class ReceiptSender(KalingaDb db, IOptions<EmailOptions> options, TimeProvider clock)
{
    private static readonly ResourceManager Templates = new("Kalinga.Localization.EmailTemplates", typeof(ReceiptSender).Assembly);

    public async Task<Message?> QueueAsync(Ticket ticket, Mailbox mailbox, EmailRecord inbound, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddHours(-1);
        // From the customer's tickets to their recent messages, both through indexes; filtering all messages by
        // "belongs to a ticket of this customer" walked the whole Messages table.
        var recent = await db.Tickets.Where(t => t.CustomerId == ticket.CustomerId)
            .SelectMany(t => db.Messages.Where(m => m.TicketId == t.Id && m.CreatedAt > since
                && m.Direction == MessageDirection.Out && m.AuthorKind == ActorKind.System))
            .CountAsync(ct);
        if (recent >= options.Value.MaxReceiptsPerHour)
        {
            return null;
        }

        var customer = await db.Customers.Where(c => c.Id == ticket.CustomerId).Select(c => c.Name).SingleAsync(ct);
        var culture = CultureInfo.GetCultureInfo(Languages.Normalize(ticket.Language) ?? Languages.Default);
        var text = string.Format(culture, Text("ReceiptBody", culture), customer, ticket.Number, mailbox.DisplayName.Length > 0 ? mailbox.DisplayName : mailbox.Address);
        var receipt = Message.Outbound(MessageKind.Email, Actor.System, text, null, needsDelivery: true, now);
        ticket.SendAutomatic(receipt, now);
        await db.SaveChangesAsync(ct);

        db.EmailRecords.Add(new EmailRecord(receipt.Id, mailbox.Id, OutboundMail.NewMessageId(mailbox, ticket.Number), now)
        {
            Subject = string.Format(culture, Text("ReceiptSubject", culture), TicketToken.Of(ticket.Number)),
            FromAddress = mailbox.Address,
            To = inbound.FromAddress is null ? [] : [inbound.FromAddress],
            InReplyTo = inbound.InternetMessageId,
            References = inbound.InternetMessageId,
            IsAutomated = true,
        });
        return receipt;
    }

    public static string Text(string key, CultureInfo culture) =>
        Templates.GetString(key, culture) ?? throw new InvalidOperationException($"E-mail template '{key}' is missing.");
}
