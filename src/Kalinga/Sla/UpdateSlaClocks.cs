using Kalinga.Data;
using Kalinga.Sla.Calendars;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Sla;

/// <summary>
/// Brings a ticket's clocks in line with its history: picks the policy for each target, replays the timeline into
/// cycles, stores due and warning times, and reports each finished cycle once (sla.met or sla.missed, plus
/// sla.breached if the scanner had not announced that breach yet).
/// </summary>
public sealed class UpdateSlaClocks(KalingaDb db, TimeProvider clock)
{
    public async Task HandleAsync(long ticketId, CancellationToken ct)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subject = await SubjectAsync(ticket, ct);
        var policies = await db.SlaPolicies.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct);
        var clocks = await db.SlaClocks.Where(c => c.TicketId == ticketId).ToListAsync(ct);
        var history = await HistoryAsync(ticket, ct);
        var calendars = new Dictionary<long, BusinessHours>();

        foreach (var metric in Enum.GetValues<SlaMetric>())
        {
            var existing = clocks.FirstOrDefault(c => c.Metric == metric);
            if (SlaPolicy.Select(policies, metric, subject) is not { } selected)
            {
                if (existing is { CompletedAt: null })
                {
                    db.SlaClocks.Remove(existing);
                }

                continue;
            }

            var (policy, minutes) = selected;
            var cycles = SlaCycles.For(metric, history, policy.Pauses);
            if (cycles.Count == 0)
            {
                continue;
            }

            var hours = await HoursAsync(policy.CalendarId, calendars, ct);
            var target = TimeSpan.FromMinutes(minutes);
            var row = existing ?? db.SlaClocks.Add(new SlaClock(ticketId, metric)).Entity;
            foreach (var done in cycles.Where(c => c.Stop is not null && c.Number > row.ReportedCycle))
            {
                Report(ticket, row, policy, minutes, done, hours, now);
                row.ReportedCycle = done.Number;
            }

            var last = cycles[^1];
            var due = last.InstantAfter(hours, target);
            var outcome = last.Stop is not { } stop ? (SlaOutcome?)null
                : !last.Answered ? SlaOutcome.Cancelled
                : due is null || due >= stop ? SlaOutcome.Met : SlaOutcome.Missed;
            row.Track(policy.Id, policy.CalendarId, minutes, last, due, last.InstantAfter(hours, target * 0.75), outcome, now);
        }

        await db.SaveChangesAsync(ct);
    }

    private static void Report(Ticket ticket, SlaClock row, SlaPolicy policy, int minutes, SlaCycle cycle, BusinessHours hours, DateTime now)
    {
        if (!cycle.Answered)
        {
            return;
        }

        var stop = cycle.Stop!.Value;
        var due = cycle.InstantAfter(hours, TimeSpan.FromMinutes(minutes));
        var met = due is null || due >= stop;
        var data = new SlaEventData(row.Metric, cycle.Number, policy.Id, minutes, cycle.Start, due, stop,
            (long)(stop - cycle.Start).TotalSeconds, (long)cycle.Elapsed(hours, stop).TotalSeconds);
        var announced = row.Cycle == cycle.Number && row.BreachedAt is not null;
        if (!met && !announced)
        {
            TicketEvent.For(ticket, SlaEventTypes.Breached, Actor.System, now, data);
        }

        TicketEvent.For(ticket, met ? SlaEventTypes.Met : SlaEventTypes.Missed, Actor.System, now, data);
    }

    private async Task<SlaSubject> SubjectAsync(Ticket ticket, CancellationToken ct)
    {
        var reason = await db.ContactReasons.Where(r => r.Id == ticket.ReasonId).Select(r => r.Code).SingleAsync(ct);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == ticket.CustomerId)
            .Select(c => new { c.IsVip, c.Segments }).SingleAsync(ct);
        return new SlaSubject(ticket.Channel, ticket.Priority, reason, customer.IsVip, customer.Segments, ticket.OrganizationId);
    }

    private async Task<TicketHistory> HistoryAsync(Ticket ticket, CancellationToken ct)
    {
        var statuses = await db.Events.AsNoTracking()
            .Where(e => e.TicketId == ticket.Id && e.Type == TicketEventTypes.StatusChanged)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .Select(e => new { e.CreatedAt, e.Data })
            .ToListAsync(ct);

        // Replies written by rules (auto-acknowledgements) are not answers; only people stop a response clock.
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticket.Id && m.Kind != MessageKind.Note
                && (m.Direction == MessageDirection.In || m.AuthorKind != ActorKind.Rule))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new PublicMessage(m.CreatedAt, m.Direction == MessageDirection.In))
            .ToListAsync(ct);

        return new TicketHistory(
            ticket.CreatedAt,
            [.. statuses.Select(s => new StatusChange(s.CreatedAt, System.Text.Json.JsonSerializer.Deserialize<StatusData>(s.Data, EventJson.Options)!.To))],
            messages);
    }

    private async Task<BusinessHours> HoursAsync(long? calendarId, Dictionary<long, BusinessHours> cache, CancellationToken ct)
    {
        if (calendarId is not { } id)
        {
            return BusinessHours.AlwaysOpen;
        }

        if (!cache.TryGetValue(id, out var hours))
        {
            var calendar = await db.BusinessCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
            cache[id] = hours = calendar?.ToBusinessHours() ?? BusinessHours.AlwaysOpen;
        }

        return hours;
    }

    private sealed record StatusData(TicketStatus To);
}

/// <summary>What SLA events carry: the target, the cycle's times, and the calendar and business seconds it took.</summary>
public sealed record SlaEventData(
    SlaMetric Metric, int Cycle, long PolicyId, int TargetMinutes, DateTime StartedAt, DateTime? DueAt, DateTime? StoppedAt,
    long CalendarSeconds, long BusinessSeconds);
