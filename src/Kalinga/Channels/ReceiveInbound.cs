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

    /// <summary>
    /// One item, as a batch of one: in a transaction of its own, or in the caller's (an e-mail that also records its
    /// mailbox state), saved before it returns.
    /// </summary>
    public async Task<InboundResult> HandleAsync(InboundMessage item, CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var handled = (await HandleBatchAsync([item], ct))[0];
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return handled.Result;
    }

    /// <summary>
    /// The step for a batch of items (an e-mail import), in order, inside the caller's transaction: the senders
    /// are found in one query and the new ones saved together, duplicates and the tickets the items continue are
    /// found with one query each, the ticket numbers are drawn at once, and tickets, messages and events are left
    /// for the caller's one save. An item is a duplicate of an earlier one of the same batch, and threads onto a
    /// ticket an earlier one opened, as if they had come one by one. An item the step refuses throws: the caller
    /// rolls the batch back and stores its items one by one.
    /// </summary>
    public async Task<IReadOnlyList<BatchedInbound>> HandleBatchAsync(IReadOnlyList<InboundMessage> items, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A batch is stored inside the caller's transaction.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var bodies = items.Select(item =>
        {
            var (text, html) = item.BodyIsClean ? (item.Text, item.Html) : body.From(item.Text, item.Html);
            var language = Languages.Normalize(item.From.Language) ?? LanguageDetector.Detect(item.Subject + "\n" + text) ?? Languages.Default;
            return (Text: text, Html: html, Language: language);
        }).ToList();

        var externalIds = items.Select(i => i.ExternalId).OfType<string>().Distinct().ToList();
        var stored = externalIds.Count == 0 ? [] : (await db.Messages
            .Where(m => m.ExternalId != null && externalIds.Contains(m.ExternalId) && m.Direction == MessageDirection.In)
            .Select(m => new { ExternalId = m.ExternalId!, m.Id, Number = db.Tickets.Where(t => t.Id == m.TicketId).Select(t => t.Number).First() })
            .ToListAsync(ct)).GroupBy(m => m.ExternalId).ToDictionary(g => g.Key, g => g.MinBy(m => m.Id)!, StringComparer.Ordinal);

        // A copy of a stored message creates no customer, as alone.
        var senders = await customers.FindOrCreateByEmailAsync(
            [.. items.Select((item, i) => (item, i)).Where(x => x.item.ExternalId is not { } id || !stored.ContainsKey(id)).Select(x => (x.item.From, bodies[x.i].Language))], now, ct);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }

        var continued = await ContinuedTicketsAsync(items, ct);
        var plans = new Plan[items.Count];
        var storedHere = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.ExternalId is { } externalId && storedHere.TryGetValue(externalId, out var first))
            {
                plans[i] = new Plan(InboundOutcome.Duplicate, Earlier: first);
                continue;
            }

            if (item.ExternalId is { } id && stored.TryGetValue(id, out var seen))
            {
                plans[i] = new Plan(InboundOutcome.Duplicate, Number: seen.Number, MessageId: seen.Id);
                continue;
            }

            var customer = await CustomerAsync(item, senders, bodies[i].Language, now, ct);
            plans[i] = await PlanAsync(item, customer, continued, storedHere, plans, ct);
            if (plans[i].Outcome is InboundOutcome.NewTicket or InboundOutcome.Threaded && item.ExternalId is { } newId)
            {
                storedHere[newId] = i;
            }
        }

        var numbers = new Queue<long>(await db.NextTicketNumbersAsync(plans.Count(p => p.Outcome == InboundOutcome.NewTicket), ct));
        var results = new BatchedInbound[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var (item, plan, (text, html, language)) = (items[i], plans[i], bodies[i]);
            if (plan.Outcome == InboundOutcome.Duplicate)
            {
                results[i] = plan.Earlier is { } earlier
                    ? new BatchedInbound(InboundOutcome.Duplicate, results[earlier].Ticket, results[earlier].Message)
                    : new BatchedInbound(InboundOutcome.Duplicate, null, null) { KnownTicketNumber = plan.Number, KnownMessageId = plan.MessageId };
                continue;
            }

            if (plan.Outcome == InboundOutcome.AutomatedOnClosed)
            {
                results[i] = new BatchedInbound(plan.Outcome, null, null) { KnownTicketNumber = plan.Ticket!.Number };
                continue;
            }

            var customer = await CustomerAsync(item, senders, language, now, ct);
            var message = Message.Inbound(ChannelMessages.KindOf(item.Channel), Actor.Customer(customer.Id), text, html, item.ExternalId, now);
            message.Attachments.AddRange(item.Attachments);
            Ticket ticket;
            if (plan.Outcome == InboundOutcome.Threaded)
            {
                ticket = plan.Ticket ?? results[plan.Earlier!.Value].Ticket!;
                ticket.ReceiveFromCustomer(message, now, item.Automated);
            }
            else
            {
                ticket = await OpenAsync(item, numbers.Dequeue(), customer, text, message, now, ct);
            }

            results[i] = new BatchedInbound(plan.Outcome, ticket, message);
        }

        return results;
    }

    // What a batch item will do, decided before anything is written so that the ticket numbers can be drawn at once.
    // Earlier: the item of this batch it duplicates, or that opened the ticket it threads onto.
    private readonly record struct Plan(InboundOutcome Outcome, int? Earlier = null, Ticket? Ticket = null, long Number = 0, long? MessageId = null, long CustomerId = 0);

    // The ticket an item continues is the one the adapter named, or the one holding the latest message it answers.
    // Only the customer's own tickets count, so a guessed ticket number cannot slip a message into someone else's case.
    private async Task<Plan> PlanAsync(InboundMessage item, Customer customer, ContinuedTickets continued, Dictionary<string, int> storedHere, Plan[] plans, CancellationToken ct)
    {
        Ticket? existing = null;
        int? earlier = null;
        if (item.TicketNumber is { } number && continued.ByNumber.TryGetValue(number, out var named) && named.CustomerId == customer.Id)
        {
            existing = await FollowMergesAsync(named, ct);
        }
        else if (item.InReplyTo.Count > 0)
        {
            // The messages of this batch are newer than any stored before it, so the latest one answered wins.
            var answered = item.InReplyTo.Select(r => storedHere.TryGetValue(r, out var at) ? at : -1).Max();
            if (answered >= 0)
            {
                var root = plans[answered].Outcome == InboundOutcome.Threaded && plans[answered].Earlier is { } opener ? opener : answered;
                var ticket = plans[root].Ticket;
                var owner = ticket?.CustomerId ?? plans[root].CustomerId;
                if (owner == customer.Id && ticket is null)
                {
                    earlier = root;
                }
                else if (owner == customer.Id)
                {
                    existing = ticket;
                }
            }
            else if (continued.ByAnswered(item.InReplyTo) is { } ticket && ticket.CustomerId == customer.Id)
            {
                existing = await FollowMergesAsync(ticket, ct);
            }
        }

        if (earlier is not null)
        {
            return new Plan(InboundOutcome.Threaded, Earlier: earlier, CustomerId: customer.Id);
        }

        if (existing is { Status: TicketStatus.Closed } && item.Automated)
        {
            return new Plan(InboundOutcome.AutomatedOnClosed, Ticket: existing);
        }

        return existing is not null && existing.Status != TicketStatus.Closed
            ? new Plan(InboundOutcome.Threaded, Ticket: existing, CustomerId: customer.Id)
            : new Plan(InboundOutcome.NewTicket, CustomerId: customer.Id);
    }

    // The batch's senders were found by address; anyone else (by id or phone) one by one, saved at once if new.
    private async Task<Customer> CustomerAsync(InboundMessage item, Dictionary<string, Customer> senders, string language, DateTime now, CancellationToken ct)
    {
        if (CustomerOf(item, senders) is { } sender)
        {
            return sender;
        }

        var customer = await customers.FindOrCreateAsync(item.From, language, now, ct);
        if (customer.Id == 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return customer;
    }

    private static Customer? CustomerOf(InboundMessage item, Dictionary<string, Customer> senders) =>
        item.From is { Id: null, Email: { } email } && senders.TryGetValue(CustomerIdentity.Normalize(IdentityKind.Email, email), out var customer) ? customer : null;

    /// <summary>The tickets a batch names by number, and the ticket of every stored message it answers, each in one query.</summary>
    private async Task<ContinuedTickets> ContinuedTicketsAsync(IReadOnlyList<InboundMessage> items, CancellationToken ct)
    {
        var numbers = items.Select(i => i.TicketNumber).OfType<long>().Distinct().ToList();
        var byNumber = numbers.Count == 0 ? [] : await db.Tickets.Where(t => numbers.Contains(t.Number)).ToDictionaryAsync(t => t.Number, ct);
        var answered = items.SelectMany(i => i.InReplyTo).Distinct().ToList();
        var latest = answered.Count == 0 ? [] : (await db.Messages.Where(m => m.ExternalId != null && answered.Contains(m.ExternalId))
            .Select(m => new { ExternalId = m.ExternalId!, m.Id, m.TicketId }).ToListAsync(ct))
            .GroupBy(m => m.ExternalId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Id)!, StringComparer.Ordinal);
        var ticketIds = latest.Values.Select(m => m.TicketId).Distinct().ToList();
        var byId = ticketIds.Count == 0 ? [] : await db.Tickets.Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return new ContinuedTickets(byNumber, replies =>
        {
            var message = replies.Select(r => latest.GetValueOrDefault(r)).Where(m => m is not null).MaxBy(m => m!.Id);
            return message is null ? null : byId.GetValueOrDefault(message.TicketId);
        });
    }

    private sealed record ContinuedTickets(Dictionary<long, Ticket> ByNumber, Func<IReadOnlyList<string>, Ticket?> ByAnswered);

    private async Task<Ticket> OpenAsync(InboundMessage item, long number, Customer customer, string text, Message message, DateTime now, CancellationToken ct)
    {
        if (!reasons.TryGetValue(item.Reason, out var reasonId))
        {
            reasonId = reasons[item.Reason] = (await fields.ReasonAsync(item.Reason, ct)).Id;
        }

        var ticket = Ticket.Open(number, Subject(item.Subject, text), reasonId, item.Channel,
            customer.Id, customer.OrganizationId, customer.Language, Priority.Normal, Actor.Customer(customer.Id), now, item.Automated);
        ticket.ReceiveFromCustomer(message, now);
        if (item.CustomFields.Count > 0)
        {
            ticket.SetCustomFields(TicketFields.CheckCustomFields(item.CustomFields.ToDictionary(kv => kv.Key, kv => (string?)kv.Value)), Actor.Customer(customer.Id), now);
        }

        db.Tickets.Add(ticket);
        return ticket;
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
