using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

public enum TicketSort
{
    Updated,
    Created,
    Number,
    Priority,
}

/// <summary>
/// A page of tickets in a stable order with keyset pagination: the cursor carries the last row's sort key and id,
/// so page 500 costs what page 1 costs and rows moving between pages are neither skipped nor repeated.
/// No total is counted: counting a million rows on every page is what makes help desks slow.
/// </summary>
public sealed class ListTickets(KalingaDb db)
{
    public const int MaxLimit = 200;

    public async Task<TicketPage> HandleAsync(TicketFilter filter, TicketSort sort, bool descending, int limit, string? cursor, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RuleException("limit", new LocalText("Loc4_Problem.Tickets.Limit", MaxLimit));
        }

        var after = cursor is null ? null : Cursor.Parse(cursor, sort, descending);
        await using var connection = await ConnectionScope.OpenAsync(db, ct);
        IQueryable<Ticket> query;
        if (filter.Statuses is { Count: > 1 } statuses && sort is TicketSort.Updated or TicketSort.Created)
        {
            // "Open or pending, newest first" read through a (status, time) index in one range per status: SQLite cannot
            // merge several ranges of an index in order, so an IN list read every open ticket of the desk and sorted
            // them for one page. Each status gives its own first page from its range; the union, ordered again, names
            // the page's tickets, which are then read by key.
            var ids = await Ordered(
                    statuses.Distinct()
                        .Select(status => Ordered(Where(filter with { Statuses = [status] }, after, sort, descending), sort, descending).Take(limit + 1))
                        .Aggregate(Queryable.Concat),
                    sort, descending)
                .Take(limit + 1).Select(t => t.Id).ToListAsync(ct);
            query = db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id));
        }
        else
        {
            query = Where(filter, after, sort, descending);
        }

        var rows = await TicketSummaries.ListAsync(db, Ordered(query, sort, descending).Take(limit + 1), ct);
        var next = rows.Count > limit ? Cursor.From(rows[limit - 1], sort, descending) : null;
        return new TicketPage(rows.Take(limit).ToList(), next);
    }

    private IQueryable<Ticket> Where(TicketFilter filter, Cursor? after, TicketSort sort, bool descending)
    {
        var query = db.Tickets.AsNoTracking().Matching(filter);
        return after is null ? query : After(query, after, sort, descending);
    }

    private static IQueryable<Ticket> Ordered(IQueryable<Ticket> query, TicketSort sort, bool descending) =>
        (sort, descending) switch
        {
            (TicketSort.Created, true) => query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
            (TicketSort.Created, false) => query.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
            (TicketSort.Number, true) => query.OrderByDescending(t => t.Number),
            (TicketSort.Number, false) => query.OrderBy(t => t.Number),
            (TicketSort.Priority, _) => query.OrderByDescending(t => t.Priority).ThenByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
            (_, true) => query.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
            _ => query.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
        };

    /// <summary>The <c>sort</c> words of ticket lists: updated, created, number or priority, '-' first for newest or highest.</summary>
    public static (TicketSort Sort, bool Descending) ParseSort(string sort)
    {
        var descending = sort.StartsWith('-');
        if (!Enum.TryParse<TicketSort>(sort.TrimStart('-'), ignoreCase: true, out var by) || int.TryParse(sort.TrimStart('-'), out _))
        {
            throw new RuleException("sort", new LocalText("Loc4_Problem.Tickets.Sort"));
        }

        return (by, descending);
    }

    private static IQueryable<Ticket> After(IQueryable<Ticket> q, Cursor c, TicketSort sort, bool descending) => (sort, descending) switch
    {
        (TicketSort.Created, true) => q.Where(t => t.CreatedAt < c.Time || (t.CreatedAt == c.Time && t.Id < c.Id)),
        (TicketSort.Created, false) => q.Where(t => t.CreatedAt > c.Time || (t.CreatedAt == c.Time && t.Id > c.Id)),
        (TicketSort.Number, true) => q.Where(t => t.Number < c.Number),
        (TicketSort.Number, false) => q.Where(t => t.Number > c.Number),
        (TicketSort.Priority, _) => q.Where(t => t.Priority < c.Priority
            || (t.Priority == c.Priority && (t.UpdatedAt < c.Time || (t.UpdatedAt == c.Time && t.Id < c.Id)))),
        (_, true) => q.Where(t => t.UpdatedAt < c.Time || (t.UpdatedAt == c.Time && t.Id < c.Id)),
        _ => q.Where(t => t.UpdatedAt > c.Time || (t.UpdatedAt == c.Time && t.Id > c.Id)),
    };

    /// <summary>An opaque token: base64url of "sort|direction|time ticks|priority|number|id".</summary>
    private sealed record Cursor(DateTime Time, Priority Priority, long Number, long Id)
    {
        public static string From(TicketSummary row, TicketSort sort, bool descending)
        {
            var time = sort == TicketSort.Created ? row.CreatedAt : row.UpdatedAt;
            var text = string.Join('|', sort, descending, time.Ticks, (int)row.Priority, row.Number, row.Id);
            return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
        }

        public static Cursor Parse(string token, TicketSort sort, bool descending)
        {
            try
            {
                var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
                if (parts.Length == 6 && parts[0] == sort.ToString() && parts[1] == descending.ToString())
                {
                    return new Cursor(
                        new DateTime(long.Parse(parts[2], CultureInfo.InvariantCulture), DateTimeKind.Utc),
                        (Priority)int.Parse(parts[3], CultureInfo.InvariantCulture),
                        long.Parse(parts[4], CultureInfo.InvariantCulture),
                        long.Parse(parts[5], CultureInfo.InvariantCulture));
                }
            }
            catch (FormatException)
            {
            }

            throw new RuleException("cursor", new LocalText("Loc4_Problem.Tickets.Cursor"));
        }
    }
}
