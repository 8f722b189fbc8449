using Kalinga.Data;
using Kalinga.Search;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>Organizations ordered by name, <c>q</c> a name prefix (ignoring case and accents), keyset-paged on (NameKey, Id).</summary>
public sealed class ListOrganizations(KalingaDb db)
{
    public const int MaxLimit = 200;

    public async Task<OrganizationPage> HandleAsync(string? q, int limit, string? cursor, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RuleException("limit", new LocalText("Loc4_Problem.Customers.OrganizationsLimit", MaxLimit));
        }

        var organizations = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            // A prefix is the index range [prefix, prefix + U+10FFFF) in code-point order, as in ListCustomers.
            var prefix = TextFolding.Fold(q.Trim());
            var end = prefix + "\U0010FFFF";
            organizations = organizations.Where(o => o.NameKey.CompareTo(prefix) >= 0 && o.NameKey.CompareTo(end) < 0);
        }

        if (cursor is not null)
        {
            var (id, key) = PageCursor.Decode(cursor);
            organizations = organizations.Where(o => o.NameKey.CompareTo(key) >= 0 && (o.NameKey.CompareTo(key) > 0 || o.Id > id));
        }

        var rows = await organizations
            .OrderBy(o => o.NameKey).ThenBy(o => o.Id)
            .Take(limit + 1)
            .Select(o => new { o.NameKey, Summary = new OrganizationSummary(o.Id, o.Name, o.Domains) })
            .ToListAsync(ct);
        var next = rows.Count > limit ? PageCursor.Encode(rows[limit - 1].Summary.Id, rows[limit - 1].NameKey) : null;
        return new OrganizationPage([.. rows.Take(limit).Select(r => r.Summary)], next);
    }
}
