using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Sla;

/// <summary>
/// One pass of the breach scanner: the clocks whose warning or due time has come, found through the index on
/// <see cref="SlaClock.NextCheckAt"/>, get their sla.warning or sla.breached event. Each clock is saved on its own
/// with its version checked, so two nodes scanning at once raise each alert once (the loser skips the clock).
/// </summary>
public sealed class RaiseSlaAlerts(KalingaDb db, TimeProvider clock)
{
    public const int BatchSize = 200;

    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.SlaClocks.AsNoTracking()
            .Where(c => c.NextCheckAt != null && c.NextCheckAt <= now)
            .OrderBy(c => c.NextCheckAt).Take(BatchSize)
            .Select(c => c.Id).ToListAsync(ct);

        var raised = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var sla = await db.SlaClocks.SingleOrDefaultAsync(c => c.Id == id && c.NextCheckAt <= now, ct);
            var ticket = sla is null ? null : await db.Tickets.SingleOrDefaultAsync(t => t.Id == sla.TicketId, ct);
            if (sla is null || ticket is null)
            {
                continue;
            }

            var data = new SlaEventData(sla.Metric, sla.Cycle, sla.PolicyId ?? 0, sla.TargetMinutes, sla.CycleStartedAt, sla.DueAt, null,
                (long)((sla.DueAt ?? now) - sla.CycleStartedAt).TotalSeconds, sla.TargetMinutes * 60L);
            if (sla.BreachedAt is null && sla.DueAt <= now)
            {
                sla.MarkBreached(now);
                TicketEvent.For(ticket, SlaEventTypes.Breached, Actor.System, now, data);
            }
            else if (sla.WarnedAt is null && sla.WarnAt <= now)
            {
                sla.MarkWarned(now);
                TicketEvent.For(ticket, SlaEventTypes.Warning, Actor.System, now, data with
                {
                    CalendarSeconds = (long)(sla.WarnAt!.Value - sla.CycleStartedAt).TotalSeconds,
                    BusinessSeconds = sla.TargetMinutes * 45L,
                });
            }
            else
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                raised++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node or the SLA handler changed this clock meanwhile; the next pass sees its new state.
            }
        }

        db.ChangeTracker.Clear();
        return raised;
    }
}
