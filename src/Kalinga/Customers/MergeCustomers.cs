using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Customers;

public sealed record MergeCustomersRequest(long SourceId);

/// <summary>
/// Folds a duplicate customer into the one that stays: identities and fields through <see cref="Customer.Absorb"/>,
/// then every ticket and timeline event of the duplicate. The duplicate's record stays, pointing at the target.
/// </summary>
public sealed class MergeCustomers(KalingaDb db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(long targetId, MergeCustomersRequest request, Actor actor, CancellationToken ct)
    {
        var ids = new[] { targetId, request.SourceId };
        var customers = await db.Customers.Include(c => c.Identities).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var target = customers.SingleOrDefault(c => c.Id == targetId);
        if (target is null)
        {
            return false;
        }

        var source = customers.SingleOrDefault(c => c.Id == request.SourceId)
            ?? throw new RuleException("sourceId", new LocalText("Loc4_Problem.Customers.NoCustomer", request.SourceId));
        var now = clock.GetUtcNow().UtcDateTime;
        db.Events.Add(target.Absorb(source, actor, now));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);

        // A customer with years of history has thousands of tickets: move them in one statement instead of loading
        // each for Ticket.MoveToCustomer, doing what it does (customer, organization when unset, UpdatedAt, Version).
        var organizationId = target.OrganizationId;
        await db.Tickets.Where(t => t.CustomerId == source.Id).ExecuteUpdateAsync(
            s => s.SetProperty(t => t.CustomerId, targetId)
                .SetProperty(t => t.OrganizationId, t => t.OrganizationId ?? organizationId)
                .SetProperty(t => t.UpdatedAt, now)
                .SetProperty(t => t.Version, t => t.Version + 1),
            ct);

        // The timeline follows the tickets: the target's history now includes everything that happened to the source.
        await db.Events.Where(e => e.CustomerId == source.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.CustomerId, targetId), ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
