using Kalinga.Configuration;
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
public sealed class UpdateSlaClocks(KalingaDb db, SettingsCache settings, TimeProvider clock)
{
    public async Task HandleAsync(long ticketId, CancellationToken ct)
    {
        // The ticket with what policies match on (its reason's code, the customer's tier) and its clocks, in one query.
        var found = await (
                from t in db.Tickets
                where t.Id == ticketId
                join r in db.ContactReasons on t.ReasonId equals r.Id
                join c in db.Customers on t.CustomerId equals c.Id
                select new { Ticket = t, Reason = r.Code, c.IsVip, c.Segments, Clocks = t.SlaClocks.ToList() })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return;
        }

        var ticket = found.Ticket;
        var now = clock.GetUtcNow().UtcDateTime;
        var subject = new SlaSubject(ticket.Channel, ticket.Priority, found.Reason, found.IsVip, found.Segments, ticket.OrganizationId);
        var policies = await settings.GetAsync("sla.policies", async () =>
            await db.SlaPolicies.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct));
        var clocks = found.Clocks;
        var history = await HistoryAsync(ticket, ct);

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

            var hours = await HoursAsync(policy.CalendarId, ct);
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

    private async Task<BusinessHours> HoursAsync(long? calendarId, CancellationToken ct)
    {
        if (calendarId is not { } id)
        {
            return BusinessHours.AlwaysOpen;
        }

        return await settings.GetAsync($"sla.calendar.{id}", async () =>
            (await db.BusinessCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct))?.ToBusinessHours() ?? BusinessHours.AlwaysOpen);
    }

    private sealed record StatusData(TicketStatus To);
}

/// <summary>What SLA events carry: the target, the cycle's times, and the calendar and business seconds it took.</summary>
public sealed record SlaEventData(
    SlaMetric Metric, int Cycle, long PolicyId, int TargetMinutes, DateTime StartedAt, DateTime? DueAt, DateTime? StoppedAt,
    long CalendarSeconds, long BusinessSeconds);
