using System.ComponentModel.DataAnnotations;
using Kalinga.Channels;
using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>
/// A customer an agent enters by hand. A name alone is enough (a walk-in at the counter); without a name the
/// e-mail's local part or the phone number stands in. Without <c>organizationId</c>, the e-mail's domain picks it.
/// </summary>
public sealed record CreateCustomerRequest(
    [StringLength(200)] string? Name = null,
    string? Email = null,
    string? Phone = null,
    string? Language = null,
    long? OrganizationId = null,
    Channel? PreferredChannel = null,
    bool Vip = false,
    IReadOnlyList<string>? Segments = null,
    bool MarketingConsent = false,
    [StringLength(4000)] string? Notes = null);

public sealed class CreateCustomer(KalingaDb db, IdentityOwners owners, TimeProvider clock)
{
    public async Task<Customer> HandleAsync(CreateCustomerRequest request, Actor actor, CancellationToken ct)
    {
        List<IdentityClaim> claims = [];
        if (request.Email is not null)
        {
            claims.Add(IdentityClaim.From(IdentityKind.Email, request.Email, "email"));
        }

        if (request.Phone is not null)
        {
            claims.Add(IdentityClaim.From(IdentityKind.Phone, request.Phone, "phone"));
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0 && claims.Count == 0)
        {
            throw new RuleException("name", new LocalText("Loc4_Problem.Customers.NameEmailOrPhone"));
        }

        var language = request.Language is null ? Languages.Default
            : Languages.Normalize(request.Language) ?? throw new RuleException("language", new LocalText("Adm3_Problem.UseOneOf", string.Join(", ", Languages.Supported)));
        var organizationId = await OrganizationOfAsync(request.OrganizationId, request.Email is null ? null : claims[0].Value, ct);
        await owners.EnsureFreeAsync(claims, customerId: null, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var customer = new Customer(name.Length > 0 ? name : Customer.DefaultName(claims[0].Kind, claims[0].Value), language, now)
        {
            OrganizationId = organizationId,
            PreferredChannel = request.PreferredChannel,
            IsVip = request.Vip,
            Segments = Customer.NormalizeSegments(request.Segments ?? []),
            MarketingConsent = request.MarketingConsent,
            Notes = request.Notes?.Trim() is { Length: > 0 } notes ? notes : null,
        };
        foreach (var claim in claims)
        {
            customer.AddIdentity(claim.Kind, claim.Value);
        }

        // The event needs the customer's key; one transaction keeps the customer and its first event together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Customers.Add(customer);
        await owners.SaveAsync(claims, customerId: null, ct);
        db.Events.Add(customer.RecordCreation(actor));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return customer;
    }

    private async Task<long?> OrganizationOfAsync(long? organizationId, string? email, CancellationToken ct)
    {
        if (organizationId is { } id)
        {
            return await db.Organizations.AnyAsync(o => o.Id == id, ct) ? id : throw new RuleException("organizationId", new LocalText("Loc4_Problem.Customers.NoOrganization", id));
        }

        return email is null ? null : await db.OrganizationDomains.IdForEmailAsync(email, ct);
    }
}
