using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

/// <summary>Unlinks an address from a customer; the customer keeps at least one (see <see cref="Customer.UnlinkIdentity"/>).</summary>
public sealed class RemoveIdentity(KalingaDb db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(long customerId, long identityId, Actor actor, CancellationToken ct)
    {
        var customer = await db.Customers.Include(c => c.Identities).SingleOrDefaultAsync(c => c.Id == customerId, ct);
        var identity = customer?.Identities.SingleOrDefault(i => i.Id == identityId);
        if (customer is null || identity is null)
        {
            return false;
        }

        db.Events.Add(customer.UnlinkIdentity(identity, actor, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
