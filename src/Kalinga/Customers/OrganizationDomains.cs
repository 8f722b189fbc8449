using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>
/// The e-mail domains that tie senders to an organization. A domain belongs to one organization at most,
/// otherwise a new customer's organization would depend on which row the database returned first.
/// </summary>
public static class OrganizationDomains
{
    private const int MaxDomains = 50;

    /// <summary>Lower-cased host names such as <c>acme.test</c>; anything else is refused naming <c>domains</c>.</summary>
    public static List<string> Normalize(IEnumerable<string> domains)
    {
        var normalized = domains.Select(d => d.Trim().TrimEnd('.').ToLowerInvariant()).Distinct().ToList();
        if (normalized.Count > MaxDomains)
        {
            throw new RuleException("domains", new LocalText("Loc4_Problem.Customers.DomainsCount", MaxDomains));
        }

        foreach (var domain in normalized)
        {
            if (domain.Length > 253 || !domain.Contains('.', StringComparison.Ordinal) || Uri.CheckHostName(domain) != UriHostNameType.Dns)
            {
                throw new RuleException("domains", new LocalText("Loc4_Problem.Customers.NotADomain", domain));
            }
        }

        return normalized;
    }

    /// <summary>Refuses domains that another organization already owns, with a 409 that names the owner.</summary>
    public static async Task EnsureFreeAsync(KalingaDb db, IReadOnlyList<string> domains, long? organizationId, CancellationToken ct)
    {
        if (domains.Count == 0)
        {
            return;
        }

        var owner = await db.OrganizationDomains
            .Where(d => domains.Contains(d.Domain) && d.OrganizationId != organizationId)
            .Join(db.Organizations, d => d.OrganizationId, o => o.Id, (d, o) => new { d.Domain, o.Id, o.Name })
            .FirstOrDefaultAsync(ct);
        if (owner is not null)
        {
            throw new ConflictException("domains", new LocalText("Loc4_Problem.Customers.DomainTaken", owner.Domain, owner.Id, owner.Name));
        }
    }

    /// <summary>The organization whose domain a normalized e-mail address is at, if any.</summary>
    public static Task<long?> IdForEmailAsync(this IQueryable<OrganizationDomain> domains, string email, CancellationToken ct)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..];
        return domains.Where(d => d.Domain == domain).Select(d => (long?)d.OrganizationId).FirstOrDefaultAsync(ct);
    }
}
