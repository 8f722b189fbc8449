using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>One organization. Its customer count is an index-range count on (OrganizationId, …), cheap for one organization.</summary>
public sealed class GetOrganization(KalingaDb db)
{
    public Task<OrganizationDetails?> HandleAsync(long id, CancellationToken ct) =>
        db.Organizations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new OrganizationDetails(
                o.Id,
                o.Name,
                o.Domains,
                o.Notes,
                db.Customers.Count(c => c.OrganizationId == o.Id && c.MergedIntoId == null),
                o.CreatedAt))
            .SingleOrDefaultAsync(ct);
}
