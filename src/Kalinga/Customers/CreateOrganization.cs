using System.ComponentModel.DataAnnotations;
using Kalinga.Data;

namespace Kalinga.Customers;

/// <summary>An organization; customers whose e-mail is at one of <c>domains</c> join it when they are created.</summary>
public sealed record CreateOrganizationRequest(
    [Required, StringLength(200)] string Name,
    IReadOnlyList<string>? Domains = null,
    [StringLength(4000)] string? Notes = null);

public sealed class CreateOrganization(KalingaDb db, TimeProvider clock)
{
    public async Task<Organization> HandleAsync(CreateOrganizationRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new RuleException("name", new LocalText("Loc4_Problem.Customers.OrganizationName"));
        }

        var domains = OrganizationDomains.Normalize(request.Domains ?? []);
        await OrganizationDomains.EnsureFreeAsync(db, domains, organizationId: null, ct);
        var organization = new Organization(request.Name, clock.GetUtcNow().UtcDateTime)
        {
            Domains = domains,
            Notes = request.Notes?.Trim() is { Length: > 0 } notes ? notes : null,
        };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        return organization;
    }
}
