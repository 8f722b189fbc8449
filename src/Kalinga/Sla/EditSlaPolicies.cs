using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Sla;

/// <summary>Creates, replaces, reorders and deletes SLA policies, recording each edit in the configuration history.</summary>
public sealed class EditSlaPolicies(KalingaDb db, ConfigurationAudit audit, TimeProvider clock)
{
    public async Task<SlaPolicyView> CreateAsync(SlaPolicyRequest request, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var policy = new SlaPolicy(request.Name, now);
        await request.ApplyToAsync(policy, db, now, ct);
        db.SlaPolicies.Add(policy);
        return await audit.SaveCreatedAsync(actor, ConfigurationKinds.SlaPolicy, () => policy.Id, () => SlaPolicyView.From(policy), ct);
    }

    public async Task<SlaPolicyView?> UpdateAsync(long id, SlaPolicyRequest request, Actor actor, CancellationToken ct)
    {
        var policy = await db.SlaPolicies.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null)
        {
            return null;
        }

        var before = SlaPolicyView.From(policy);
        await request.ApplyToAsync(policy, db, clock.GetUtcNow().UtcDateTime, ct);
        var after = SlaPolicyView.From(policy);
        audit.Record(actor, ConfigurationKinds.SlaPolicy, id, ConfigurationKinds.Updated, before, after);
        await db.SaveChangesAsync(ct);
        return after;
    }

    /// <summary>
    /// Swaps a policy with its neighbour in the order policies are tried (<paramref name="step"/> -1 up, +1 down).
    /// Positions are renumbered 10, 20, 30… so equal positions left by the API end up in a definite order.
    /// </summary>
    public async Task<bool> MoveAsync(long id, int step, Actor actor, CancellationToken ct)
    {
        var ordered = await db.SlaPolicies.OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct);
        var i = ordered.FindIndex(p => p.Id == id);
        var j = i + Math.Sign(step);
        if (i < 0 || j < 0 || j >= ordered.Count)
        {
            return false;
        }

        (ordered[i], ordered[j]) = (ordered[j], ordered[i]);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var k = 0; k < ordered.Count; k++)
        {
            var position = (k + 1) * 10;
            if (ordered[k].Position != position)
            {
                var before = SlaPolicyView.From(ordered[k]);
                ordered[k].Position = position;
                ordered[k].UpdatedAt = now;
                audit.Record(actor, ConfigurationKinds.SlaPolicy, ordered[k].Id, ConfigurationKinds.Updated, before, SlaPolicyView.From(ordered[k]));
            }
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> DeleteAsync(long id, Actor actor, CancellationToken ct)
    {
        var policy = await db.SlaPolicies.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null)
        {
            return false;
        }

        db.SlaPolicies.Remove(policy);
        audit.Record(actor, ConfigurationKinds.SlaPolicy, id, ConfigurationKinds.Deleted, SlaPolicyView.From(policy), null);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
