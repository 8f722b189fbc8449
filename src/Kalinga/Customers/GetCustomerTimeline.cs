using System.Text.Json;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>
/// Everything that happened with a customer across all their tickets and channels, and to the customer record
/// itself, newest first. Pages by event id on the (CustomerId, Id) index, so old history costs what new does.
/// </summary>
public sealed class GetCustomerTimeline(KalingaDb db, Parties parties)
{
    public const int MaxLimit = 200;

    public async Task<TimelinePage?> HandleAsync(long customerId, int limit, string? cursor, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RuleException("limit", new LocalText("Loc4_Problem.Customers.TimelineLimit", MaxLimit));
        }

        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct))
        {
            return null;
        }

        var events = db.Events.AsNoTracking().Where(e => e.CustomerId == customerId);
        if (cursor is not null)
        {
            var before = PageCursor.Decode(cursor).Id;
            events = events.Where(e => e.Id < before);
        }

        var rows = await events
            .OrderByDescending(e => e.Id)
            .Take(limit + 1)
            .Select(e => new
            {
                e.Id,
                e.Type,
                e.ActorKind,
                e.ActorId,
                e.Data,
                e.CreatedAt,
                TicketNumber = db.Tickets.Where(t => t.Id == e.TicketId).Select(t => (long?)t.Number).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var page = rows.Take(limit).ToList();
        var names = await parties.NamesAsync(page.Select(r => new Actor(r.ActorKind, r.ActorId)), ct);
        var items = page.Select(r => new TimelineEntry(
            r.Id, r.Type, r.TicketNumber, names.View(new Actor(r.ActorKind, r.ActorId)), JsonDocument.Parse(r.Data).RootElement, r.CreatedAt));
        return new TimelinePage([.. items], rows.Count > limit ? PageCursor.Encode(page[^1].Id) : null);
    }
}
