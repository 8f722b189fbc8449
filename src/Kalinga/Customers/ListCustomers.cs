using System.Linq.Expressions;
using System.Text;
using Kalinga.Data;
using Kalinga.Search;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>
/// <c>q</c> finds customers whose name starts with it (ignoring case and accents) or whose e-mail, or phone when
/// <c>q</c> looks like a number, starts with it. Merged customers are left out.
/// </summary>
public sealed record CustomerQuery(string? Q = null, long? Organization = null, bool? Vip = null);

/// <summary>
/// A page of customers ordered by name, with keyset pagination on (NameKey, Id). Every condition is a range on an
/// index, never a <c>LIKE '%…'</c>: a name match and an identity match are two index range scans whose pages are
/// merged here, because an OR across two tables makes both engines scan every customer.
/// </summary>
public sealed class ListCustomers(KalingaDb db)
{
    public const int MaxLimit = 200;

    // Every string that starts with a prefix sorts below prefix + U+10FFFF in code-point order (SQLite BINARY,
    // PostgreSQL "C"), so a prefix is the index range [prefix, prefix + U+10FFFF).
    private const string AfterPrefix = "\U0010FFFF";

    private static readonly Comparer<string> CodePointOrder = Comparer<string>.Create(
        (a, b) => Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b)));

    public async Task<CustomerPage> HandleAsync(CustomerQuery query, int limit, string? cursor, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RuleException("limit", new LocalText("Loc4_Problem.Customers.Limit", MaxLimit));
        }

        var customers = db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null);
        if (query.Organization is { } organization)
        {
            customers = customers.Where(c => c.OrganizationId == organization);
        }

        if (query.Vip is { } vip)
        {
            customers = customers.Where(c => c.IsVip == vip);
        }

        if (cursor is not null)
        {
            var (id, key) = PageCursor.Decode(cursor);

            // The redundant ">= key" bounds the index scan; the OR alone would make PostgreSQL start from the first row.
            customers = customers.Where(c => c.NameKey.CompareTo(key) >= 0 && (c.NameKey.CompareTo(key) > 0 || c.Id > id));
        }

        List<Row> rows;
        var q = query.Q?.Trim();
        if (string.IsNullOrEmpty(q))
        {
            rows = await PageAsync(customers, limit, ct);
        }
        else
        {
            var name = TextFolding.Fold(q);
            var (kind, value) = IdentityPrefix(q);
            var byName = await PageAsync(customers.Where(c => c.NameKey.CompareTo(name) >= 0 && c.NameKey.CompareTo(name + AfterPrefix) < 0), limit, ct);
            var byIdentity = await PageAsync(
                db.CustomerIdentities
                    .Where(i => i.Kind == kind && i.Value.CompareTo(value) >= 0 && i.Value.CompareTo(value + AfterPrefix) < 0)
                    .Join(customers, i => i.CustomerId, c => c.Id, (i, c) => c),
                limit,
                ct);
            rows = [.. byName.Concat(byIdentity).DistinctBy(r => r.Summary.Id)
                .OrderBy(r => r.NameKey, CodePointOrder).ThenBy(r => r.Summary.Id).Take(limit + 1)];
        }

        var next = rows.Count > limit ? PageCursor.Encode(rows[limit - 1].Summary.Id, rows[limit - 1].NameKey) : null;
        return new CustomerPage([.. rows.Take(limit).Select(r => r.Summary)], next);
    }

    /// <summary>How a search word is written as a stored identity: a phone number if it is only digits and separators.</summary>
    private static (IdentityKind Kind, string Value) IdentityPrefix(string q) =>
        q.Count(char.IsAsciiDigit) >= 3 && q.All(c => char.IsAsciiDigit(c) || "+-(). ".Contains(c, StringComparison.Ordinal))
            ? (IdentityKind.Phone, CustomerIdentity.Normalize(IdentityKind.Phone, q))
            : (IdentityKind.Email, CustomerIdentity.Normalize(IdentityKind.Email, q));

    private Task<List<Row>> PageAsync(IQueryable<Customer> customers, int limit, CancellationToken ct) =>
        customers.OrderBy(c => c.NameKey).ThenBy(c => c.Id).Take(limit + 1).Select(Summary(db)).ToListAsync(ct);

    private static Expression<Func<Customer, Row>> Summary(KalingaDb db) => c => new Row(
        c.NameKey,
        new CustomerSummary(
            c.Id,
            c.Name,
            c.Language,
            c.OrganizationId == null ? null
                : new OrganizationRef(c.OrganizationId.Value, db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).First()),
            c.IsVip,
            c.Identities.Where(i => i.Kind == IdentityKind.Email && i.IsPrimary).Select(i => i.Value).FirstOrDefault(),
            c.Identities.Where(i => i.Kind == IdentityKind.Phone && i.IsPrimary).Select(i => i.Value).FirstOrDefault(),
            c.UpdatedAt));

    private sealed record Row(string NameKey, CustomerSummary Summary);
}
