using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>How a request names a customer: by id, or by an address we may not know yet.</summary>
public sealed record CustomerRef(long? Id = null, string? Email = null, string? Phone = null, string? Name = null, string? Language = null);

/// <summary>
/// Finds the customer a contact belongs to, creating one (with the organization its e-mail domain points to)
/// when the address is new. Merged customers resolve to the customer they were merged into.
/// </summary>
public sealed class CustomerLookup(KalingaDb db)
{
    public async Task<Customer> FindOrCreateAsync(CustomerRef reference, string fallbackLanguage, DateTime now, CancellationToken ct)
    {
        if (reference.Id is { } id)
        {
            var byId = await db.Customers.SingleOrDefaultAsync(c => c.Id == id, ct)
                ?? throw new RuleException("customer.id", new LocalText("Loc4_Problem.Customers.NoCustomer", id));
            return await FollowMergesAsync(byId, ct);
        }

        var (kind, value) = reference switch
        {
            { Email: { } email } => (IdentityKind.Email, email),
            { Phone: { } phone } => (IdentityKind.Phone, phone),
            _ => throw new RuleException("customer", new LocalText("Loc4_Problem.Customers.NameCustomer")),
        };

        if (!CustomerIdentity.IsValid(kind, value))
        {
            throw new RuleException(kind == IdentityKind.Email ? "customer.email" : "customer.phone", IdentityClaim.Invalid(kind, value));
        }

        var normalized = CustomerIdentity.Normalize(kind, value);
        // From the identity to the customer, through the unique (Kind, Value) index: asked the other way round
        // (customers having such an identity), SQLite walked every customer.
        var known = await db.CustomerIdentities.Where(i => i.Kind == kind && i.Value == normalized)
            .Join(db.Customers, i => i.CustomerId, c => c.Id, (i, c) => c)
            .SingleOrDefaultAsync(ct);
        if (known is not null)
        {
            return await FollowMergesAsync(known, ct);
        }

        var customer = new Customer(reference.Name?.Trim() is { Length: > 0 } name ? name : Customer.DefaultName(kind, normalized), reference.Language ?? fallbackLanguage, now);
        customer.AddIdentity(kind, value);
        if (reference.Email is not null && reference.Phone is not null && CustomerIdentity.IsValid(IdentityKind.Phone, reference.Phone))
        {
            customer.AddIdentity(IdentityKind.Phone, reference.Phone);
        }

        if (kind == IdentityKind.Email)
        {
            customer.OrganizationId = await db.Organizations.IdForEmailAsync(normalized, ct);
        }

        db.Customers.Add(customer);
        return customer;
    }

    private async Task<Customer> FollowMergesAsync(Customer customer, CancellationToken ct)
    {
        for (var hops = 0; customer.MergedIntoId is { } next && hops < 10; hops++)
        {
            customer = await db.Customers.SingleAsync(c => c.Id == next, ct);
        }

        return customer;
    }
}
