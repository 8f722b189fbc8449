using System.Text.Json;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>
/// One ticket with its whole conversation and timeline, in four queries on one connection whatever its length. The
/// queries are compiled once: this is the most frequent read of the API, and translating LINQ on every call cost more
/// than running the queries (see docs/performance.md).
/// </summary>
public sealed class GetTicket(KalingaDb db)
{
    private static readonly Func<KalingaDb, long, CancellationToken, Task<TicketRow?>> TicketByNumber = EF.CompileAsyncQuery(
        (KalingaDb db, long number, CancellationToken ct) => db.Tickets.AsNoTracking()
            .Where(t => t.Number == number)
            .Select(t => new TicketRow(
                t,
                db.ContactReasons.Where(r => r.Id == t.ReasonId).Select(r => r.Code).FirstOrDefault() ?? "",
                db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Name).FirstOrDefault(),
                db.Tickets.Where(m => m.Id == t.MergedIntoId).Select(m => (long?)m.Number).FirstOrDefault()))
            .FirstOrDefault());

    // Tags and causes come in a query of their own: selected as collections of the ticket query, they became LEFT JOINs
    // on subqueries that SQLite materialized from the whole TicketTags table on every call.
    private static readonly Func<KalingaDb, long, IAsyncEnumerable<Label>> LabelsOf = EF.CompileAsyncQuery(
        (KalingaDb db, long ticketId) => db.TicketTags.Where(x => x.TicketId == ticketId).Select(x => new Label { IsCause = false, Name = x.Tag.Name })
            .Concat(db.Set<TicketCause>().Where(x => x.TicketId == ticketId).Select(x => new Label { IsCause = true, Name = x.Cause.Code })));

    // Author names are looked up row by row inside the message and event queries (an indexed lookup each), which
    // costs less than a further query per kind of author.
    private static readonly Func<KalingaDb, long, IAsyncEnumerable<MessageRow>> MessagesOf = EF.CompileAsyncQuery(
        (KalingaDb db, long ticketId) => db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Include(m => m.Attachments)
            .Select(m => new MessageRow(
                m,
                m.AuthorKind == ActorKind.Agent ? db.Agents.Where(a => a.Id == m.AuthorId).Select(a => a.Name).FirstOrDefault()
                : m.AuthorKind == ActorKind.Customer ? db.Customers.Where(c => c.Id == m.AuthorId).Select(c => c.Name).FirstOrDefault()
                : m.AuthorKind == ActorKind.ApiToken ? db.ApiTokens.Where(t => t.Id == m.AuthorId).Select(t => t.Name).FirstOrDefault()
                : m.AuthorKind == ActorKind.Rule ? db.Rules.Where(r => r.Id == m.AuthorId).Select(r => r.Name).FirstOrDefault()
                : null)));

    private static readonly Func<KalingaDb, long, IAsyncEnumerable<EventRow>> EventsOf = EF.CompileAsyncQuery(
        (KalingaDb db, long ticketId) => db.Events.AsNoTracking()
            .Where(e => e.TicketId == ticketId)
            .OrderBy(e => e.Id)
            .Select(e => new EventRow(
                e.Id, e.Type, e.ActorKind, e.ActorId, e.Data, e.CreatedAt,
                e.ActorKind == ActorKind.Agent ? db.Agents.Where(a => a.Id == e.ActorId).Select(a => a.Name).FirstOrDefault()
                : e.ActorKind == ActorKind.Customer ? db.Customers.Where(c => c.Id == e.ActorId).Select(c => c.Name).FirstOrDefault()
                : e.ActorKind == ActorKind.ApiToken ? db.ApiTokens.Where(t => t.Id == e.ActorId).Select(t => t.Name).FirstOrDefault()
                : e.ActorKind == ActorKind.Rule ? db.Rules.Where(r => r.Id == e.ActorId).Select(r => r.Name).FirstOrDefault()
                : null)));

    public async Task<TicketDetails?> HandleAsync(long number, CancellationToken ct)
    {
        await using var connection = await ConnectionScope.OpenAsync(db, ct);
        var row = await TicketByNumber(db, number, ct);
        if (row is null)
        {
            return null;
        }

        var t = row.Ticket;
        var tags = new List<string>();
        var causes = new List<string>();
        await foreach (var label in LabelsOf(db, t.Id).WithCancellation(ct))
        {
            (label.IsCause ? causes : tags).Add(label.Name);
        }

        var customer = Actor.Customer(t.CustomerId);
        var known = new Dictionary<Actor, string>();
        if (row.CustomerName is not null)
        {
            known[customer] = row.CustomerName;
        }

        var messages = new List<Message>();
        await foreach (var m in MessagesOf(db, t.Id).WithCancellation(ct))
        {
            messages.Add(m.Message);
            if (m.AuthorName is not null)
            {
                known[m.Message.Author] = m.AuthorName;
            }
        }

        var events = new List<EventRow>();
        await foreach (var e in EventsOf(db, t.Id).WithCancellation(ct))
        {
            events.Add(e);
            if (e.ActorName is not null)
            {
                known[new Actor(e.ActorKind, e.ActorId)] = e.ActorName;
            }
        }

        var names = new PartyNames(known);

        return new TicketDetails(
            t.Id, t.Number, t.Subject, t.Status, t.Priority, row.Reason, t.Channel, t.Language,
            names.View(customer), t.OrganizationId, t.AssigneeId, t.TeamId,
            [.. tags.Order()], [.. causes.Order()], t.CustomFields,
            t.CreatedAt, t.UpdatedAt, t.FirstResponseAt, t.SolvedAt, t.ClosedAt, row.MergedInto, t.Version,
            [.. messages.Select(m => ToView(m, names))],
            [.. events.Select(e => new EventView(e.Id, e.Type, names.View(new Actor(e.ActorKind, e.ActorId)), Parse(e.Data), e.CreatedAt))]);
    }

    public static MessageView ToView(Message m, PartyNames names) =>
        new(m.Id, m.Direction, m.Kind, m.IsInternal, names.View(m.Author), m.Text, m.Html, m.DeliveryStatus, m.DeliveryError, m.CreatedAt,
            [.. m.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size))]);

    /// <summary>A standalone element (not backed by a pooled document that would need disposing).</summary>
    private static JsonElement Parse(string json) => JsonElement.Parse(json);

    private sealed record TicketRow(Ticket Ticket, string Reason, string? CustomerName, long? MergedInto);

    private sealed class Label
    {
        public bool IsCause { get; init; }

        public string Name { get; init; } = "";
    }

    private sealed record MessageRow(Message Message, string? AuthorName);

    private sealed record EventRow(long Id, string Type, ActorKind ActorKind, long? ActorId, string Data, DateTime CreatedAt, string? ActorName);
}
