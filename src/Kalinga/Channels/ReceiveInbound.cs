using Kalinga.Customers;
using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels;

/// <summary>
/// The one channel-agnostic step every inbound item takes: drop duplicates, match the customer, find the ticket it
/// continues, append the message (which reopens a waiting or solved ticket) or open a new ticket. A reply to a
/// closed ticket opens a follow-up ticket, as the closed one is final; an automated one (an out-of-office note)
/// opens nothing and is stored nowhere, so the channel sets it aside.
/// </summary>
public sealed class ReceiveInbound(KalingaDb db, CustomerLookup customers, TicketFields fields, MessageBody body, TimeProvider clock)
{
    // An import stores a hundred messages in one scope: the contact reason of each new ticket is looked up once.
    private readonly Dictionary<string, int> reasons = new(StringComparer.Ordinal);

    public async Task<InboundResult> HandleAsync(InboundMessage item, CancellationToken ct)
    {
        if (item.ExternalId is { } externalId)
        {
            var seen = await db.Messages.Where(m => m.ExternalId == externalId && m.Direction == MessageDirection.In)
                .Select(m => new { m.Id, Number = db.Tickets.Where(t => t.Id == m.TicketId).Select(t => t.Number).First() })
                .FirstOrDefaultAsync(ct);
            if (seen is not null)
            {
                return new InboundResult(InboundOutcome.Duplicate, seen.Number, seen.Id);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (text, html) = item.BodyIsClean ? (item.Text, item.Html) : body.From(item.Text, item.Html);
        var language = Languages.Normalize(item.From.Language) ?? LanguageDetector.Detect(item.Subject + "\n" + text) ?? Languages.Default;

        // An import stores a batch of messages in one transaction of its own; this step then joins it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var customer = await customers.FindOrCreateAsync(item.From, language, now, ct);
        if (customer.Id == 0)
        {
            await db.SaveChangesAsync(ct);
        }

        var message = Message.Inbound(ChannelMessages.KindOf(item.Channel), Actor.Customer(customer.Id), text, html, item.ExternalId, now);
        message.Attachments.AddRange(item.Attachments);

        var ticket = await ContinuedTicketAsync(item, customer.Id, ct);
        if (ticket is { Status: TicketStatus.Closed } && item.Automated)
        {
            // Nothing was written: the customer of a ticket already exists. RFC 3834 §2: never answer it either.
            return new InboundResult(InboundOutcome.AutomatedOnClosed, ticket.Number, null);
        }

        InboundOutcome outcome;
        if (ticket is not null && ticket.Status != TicketStatus.Closed)
        {
            ticket.ReceiveFromCustomer(message, now, item.Automated);
            outcome = InboundOutcome.Threaded;
        }
        else
        {
            if (!reasons.TryGetValue(item.Reason, out var reasonId))
            {
                reasonId = reasons[item.Reason] = (await fields.ReasonAsync(item.Reason, ct)).Id;
            }

            ticket = Ticket.Open(await db.NextTicketNumberAsync(ct), Subject(item.Subject, text), reasonId, item.Channel,
                customer.Id, customer.OrganizationId, customer.Language, Priority.Normal, Actor.Customer(customer.Id), now, item.Automated);
            ticket.ReceiveFromCustomer(message, now);
            if (item.CustomFields.Count > 0)
            {
                ticket.SetCustomFields(TicketFields.CheckCustomFields(item.CustomFields.ToDictionary(kv => kv.Key, kv => (string?)kv.Value)), Actor.Customer(customer.Id), now);
            }

            db.Tickets.Add(ticket);
            outcome = InboundOutcome.NewTicket;
        }

        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return new InboundResult(outcome, ticket.Number, message.Id);
    }

    /// <summary>
    /// The ticket this item continues: the one the adapter named, or the one holding a message it answers.
    /// Only the customer's own tickets count, so a guessed ticket number cannot slip a message into someone else's case.
    /// </summary>
    private async Task<Ticket?> ContinuedTicketAsync(InboundMessage item, long customerId, CancellationToken ct)
    {
        if (item.TicketNumber is { } number)
        {
            var named = await db.Tickets.SingleOrDefaultAsync(t => t.Number == number && t.CustomerId == customerId, ct);
            if (named is not null)
            {
                return await FollowMergesAsync(named, ct);
            }
        }

        if (item.InReplyTo.Count == 0)
        {
            return null;
        }

        var ids = item.InReplyTo.ToList();
        var ticketId = await db.Messages.Where(m => m.ExternalId != null && ids.Contains(m.ExternalId))
            .OrderByDescending(m => m.Id).Select(m => (long?)m.TicketId).FirstOrDefaultAsync(ct);
        var answered = ticketId is null ? null : await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId && t.CustomerId == customerId, ct);
        return answered is null ? null : await FollowMergesAsync(answered, ct);
    }

    private async Task<Ticket> FollowMergesAsync(Ticket ticket, CancellationToken ct)
    {
        for (var hops = 0; ticket.MergedIntoId is { } next && hops < 10; hops++)
        {
            ticket = await db.Tickets.SingleAsync(t => t.Id == next, ct);
        }

        return ticket;
    }

    private static string Subject(string subject, string text)
    {
        var s = string.IsNullOrWhiteSpace(subject) ? text.ReplaceLineEndings(" ") : subject;
        s = s.Trim();
        return s.Length == 0 ? "(no subject)" : s.Length > 200 ? s[..200] : s;
    }
}
