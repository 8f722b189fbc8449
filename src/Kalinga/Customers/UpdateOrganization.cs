using System.ComponentModel.DataAnnotations;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>Fields to change; left out (or null) stays as it is. Domains replace the whole list; <c>notes: ""</c> clears the notes.</summary>
public sealed record UpdateOrganizationRequest(
    [StringLength(200)] string? Name = null,
    IReadOnlyList<string>? Domains = null,
    [StringLength(4000)] string? Notes = null);

/// <summary>Renames an organization or changes its domains; customers who already belong to it stay.</summary>
public sealed class UpdateOrganization(KalingaDb db)
{
    public async Task<bool> HandleAsync(long id, UpdateOrganizationRequest request, CancellationToken ct)
    {
        var organization = await db.Organizations.Include(o => o.DomainEntries).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return false;
        }

        if (request.Name is not null)
        {
            organization.Name = string.IsNullOrWhiteSpace(request.Name) ? throw new RuleException("name", new LocalText("Loc4_Problem.Customers.OrganizationName")) : request.Name;
        }

        if (request.Domains is not null)
        {
            var domains = OrganizationDomains.Normalize(request.Domains);
            await OrganizationDomains.EnsureFreeAsync(db, domains, id, ct);
            organization.Domains = domains;
        }

        if (request.Notes is not null)
        {
            organization.Notes = request.Notes.Trim() is { Length: > 0 } notes ? notes : null;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
