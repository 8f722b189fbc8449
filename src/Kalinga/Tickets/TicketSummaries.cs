using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>
/// Turns a query of tickets (already filtered, ordered and limited) into <see cref="TicketSummary"/> rows, in two
/// queries: the rows, then the tags of those rows. Selecting the tags as a collection of the first query made it a
/// LEFT JOIN on a subquery that SQLite materialized from the whole TicketTags table on every page.
/// </summary>
public static class TicketSummaries
{
    public static async Task<List<TicketSummary>> ListAsync(KalingaDb db, IQueryable<Ticket> tickets, CancellationToken ct)
    {
        var rows = await tickets.Select(t => new
        {
            t.Id,
            t.Number,
            t.Subject,
            t.Status,
            t.Priority,
            Reason = db.ContactReasons.Where(r => r.Id == t.ReasonId).Select(r => r.Code).First(),
            t.Channel,
            t.Language,
            t.CustomerId,
            CustomerName = db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Name).First(),
            t.OrganizationId,
            t.AssigneeId,
            t.TeamId,
            t.CreatedAt,
            t.UpdatedAt,
        }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var tags = (await db.TicketTags.Where(x => ids.Contains(x.TicketId))
                .OrderBy(x => x.TicketId).ThenBy(x => x.TagId)
                .Select(x => new { x.TicketId, x.Tag.Name })
                .ToListAsync(ct))
            .ToLookup(x => x.TicketId, x => x.Name);
        return [.. rows.Select(r => new TicketSummary(
            r.Id, r.Number, r.Subject, r.Status, r.Priority, r.Reason, r.Channel, r.Language, r.CustomerId, r.CustomerName,
            r.OrganizationId, r.AssigneeId, r.TeamId, [.. tags[r.Id]], r.CreatedAt, r.UpdatedAt))];
    }
}
