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

        return await CreateAsync(reference, kind, value, normalized, fallbackLanguage, now, ct);
    }

    /// <summary>
    /// The customers of many senders at once (an e-mail import batch), by normalized address: the known ones in one
    /// query, the new ones created (unsaved) from the first reference that names them, as one by one. An invalid
    /// address is left out; <see cref="FindOrCreateAsync"/> tells the caller what is wrong with it.
    /// </summary>
    public async Task<Dictionary<string, Customer>> FindOrCreateByEmailAsync(
        IReadOnlyList<(CustomerRef Reference, string FallbackLanguage)> senders, DateTime now, CancellationToken ct)
    {
        var wanted = senders
            .Where(s => s.Reference is { Id: null, Email: { } email } && CustomerIdentity.IsValid(IdentityKind.Email, email))
            .Select(s => (s.Reference, s.FallbackLanguage, Normalized: CustomerIdentity.Normalize(IdentityKind.Email, s.Reference.Email!)))
            .ToList();
        var values = wanted.Select(w => w.Normalized).Distinct().ToList();
        var found = new Dictionary<string, Customer>(StringComparer.Ordinal);
        if (values.Count == 0)
        {
            return found;
        }

        var known = await db.CustomerIdentities.Where(i => i.Kind == IdentityKind.Email && values.Contains(i.Value))
            .Join(db.Customers, i => i.CustomerId, c => c.Id, (i, c) => new { i.Value, Customer = c })
            .ToListAsync(ct);
        foreach (var k in known)
        {
            found[k.Value] = await FollowMergesAsync(k.Customer, ct);
        }

        foreach (var (reference, fallbackLanguage, normalized) in wanted)
        {
            if (!found.ContainsKey(normalized))
            {
                found[normalized] = await CreateAsync(reference, IdentityKind.Email, reference.Email!, normalized, fallbackLanguage, now, ct);
            }
        }

        return found;
    }

    private async Task<Customer> CreateAsync(CustomerRef reference, IdentityKind kind, string value, string normalized, string fallbackLanguage, DateTime now, CancellationToken ct)
    {
        var customer = new Customer(reference.Name?.Trim() is { Length: > 0 } name ? name : Customer.DefaultName(kind, normalized), reference.Language ?? fallbackLanguage, now);
        customer.AddIdentity(kind, value);
        if (reference.Email is not null && reference.Phone is not null && CustomerIdentity.IsValid(IdentityKind.Phone, reference.Phone))
        {
            customer.AddIdentity(IdentityKind.Phone, reference.Phone);
        }

        if (kind == IdentityKind.Email)
        {
            customer.OrganizationId = await db.OrganizationDomains.IdForEmailAsync(normalized, ct);
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
