using System.ComponentModel.DataAnnotations;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

public sealed record AddIdentityRequest([Required] IdentityKind? Kind, [Required, StringLength(320)] string Value);

/// <summary>The identity as stored, and whether this request added it (false: the customer already had it).</summary>
public sealed record AddedIdentity(IdentityView Identity, bool IsNew);

/// <summary>Links another address to a customer; an address held by another customer is a 409, not a silent move.</summary>
public sealed class AddIdentity(KalingaDb db, IdentityOwners owners, TimeProvider clock)
{
    public async Task<AddedIdentity?> HandleAsync(long customerId, AddIdentityRequest request, Actor actor, CancellationToken ct)
    {
        var customer = await db.Customers.Include(c => c.Identities).SingleOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null)
        {
            return null;
        }

        var claim = IdentityClaim.From(request.Kind!.Value, request.Value, "value");
        if (customer.Identities.FirstOrDefault(i => i.Kind == claim.Kind && i.Value == claim.Value) is { } existing)
        {
            return new AddedIdentity(View(existing), IsNew: false);
        }

        await owners.EnsureFreeAsync([claim], customerId, ct);
        db.Events.Add(customer.LinkIdentity(claim.Kind, claim.Value, actor, clock.GetUtcNow().UtcDateTime));
        await owners.SaveAsync([claim], customerId, ct);
        return new AddedIdentity(View(customer.Identities.Single(i => i.Kind == claim.Kind && i.Value == claim.Value)), IsNew: true);
    }

    private static IdentityView View(CustomerIdentity i) => new(i.Id, i.Kind, i.Value, i.IsPrimary);
}
