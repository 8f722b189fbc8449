using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>One customer with its organization and identities, merged or not, in one query.</summary>
public sealed class GetCustomer(KalingaDb db)
{
    public Task<CustomerDetails?> HandleAsync(long id, CancellationToken ct) =>
        db.Customers.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new CustomerDetails(
                c.Id,
                c.Name,
                c.Language,
                c.OrganizationId == null ? null
                    : new OrganizationRef(c.OrganizationId.Value, db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).First()),
                c.PreferredChannel,
                c.IsVip,
                c.Segments,
                c.MarketingConsent,
                c.Notes,
                c.Identities.OrderBy(i => i.Id).Select(i => new IdentityView(i.Id, i.Kind, i.Value, i.IsPrimary)).ToList(),
                c.CreatedAt,
                c.UpdatedAt,
                c.MergedIntoId,
                c.IsOrganizationAdmin))
            .SingleOrDefaultAsync(ct);
}
