using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>
/// Turns a query of tickets (already filtered, ordered and limited) into <see cref="TicketSummary"/> rows in one query.
/// Tag names are looked up per tag with a scalar subquery: selecting <c>x.Tag.Name</c> made the tags a LEFT JOIN on a
/// two-table subquery, which SQLite cannot flatten and so materialized from the whole TicketTags table on every page
/// (a million rows at a million tickets); a one-table subquery is flattened and read through its index.
/// </summary>
public static class TicketSummaries
{
    public static Task<List<TicketSummary>> ListAsync(KalingaDb db, IQueryable<Ticket> tickets, CancellationToken ct) =>
        tickets.Select(t => new TicketSummary(
            t.Id, t.Number, t.Subject, t.Status, t.Priority,
            db.ContactReasons.Where(r => r.Id == t.ReasonId).Select(r => r.Code).First(),
            t.Channel, t.Language, t.CustomerId,
            db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Name).First(),
            t.OrganizationId, t.AssigneeId, t.TeamId,
            t.Tags.Select(x => db.Tags.Where(g => g.Id == x.TagId).Select(g => g.Name).First()).ToList(),
            t.CreatedAt, t.UpdatedAt))
        .ToListAsync(ct);
}
