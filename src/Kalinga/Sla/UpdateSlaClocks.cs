using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Sla.Calendars;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Sla;

/// <summary>
/// Brings tickets' clocks in line with their history: picks the policy for each target, replays the timeline into
/// cycles, stores due and warning times, and reports each finished cycle once (sla.met or sla.missed, plus
/// sla.breached if the scanner had not announced that breach yet). Several tickets are done together with one query
/// per kind of input and one save: the dispatcher hands over every ticket of a batch of events at once.
/// </summary>
public sealed class UpdateSlaClocks(KalingaDb db, SettingsCache settings, TimeProvider clock)
{
    public async Task HandleAsync(long ticketId, CancellationToken ct) => await HandleAsync([ticketId], ct);

    public async Task HandleAsync(IReadOnlyCollection<long> ticketIds, CancellationToken ct)
    {
        var ids = ticketIds.Distinct().ToList();

        // The tickets with what policies match on (the reason's code, the customer's tier), read without tracking: a
        // pass changes only clocks (tracked, below) and rarely adds an SLA event to a ticket (see Report), and tracking
        // a hundred tickets made every save compare all their properties.
        var found = await (
                from t in db.Tickets.AsNoTracking()
                where ids.Contains(t.Id)
                join r in db.ContactReasons on t.ReasonId equals r.Id
                join c in db.Customers on t.CustomerId equals c.Id
                select new { Ticket = t, Reason = r.Code, c.IsVip, c.Segments })
            .ToListAsync(ct);
        if (found.Count == 0)
        {
            return;
        }

        var clocks = (await db.SlaClocks.Where(c => ids.Contains(c.TicketId)).ToListAsync(ct)).ToLookup(c => c.TicketId);
        var now = clock.GetUtcNow().UtcDateTime;
        var policies = await settings.GetAsync("sla.policies", async () =>
            await db.SlaPolicies.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct));
        var histories = await HistoriesAsync(found.Select(f => f.Ticket).ToList(), ct);
        foreach (var f in found)
        {
            var subject = new SlaSubject(f.Ticket.Channel, f.Ticket.Priority, f.Reason, f.IsVip, f.Segments, f.Ticket.OrganizationId);
            await UpdateAsync(f.Ticket, subject, [.. clocks[f.Ticket.Id]], histories[f.Ticket.Id], policies, now, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task UpdateAsync(Ticket ticket, SlaSubject subject, List<SlaClock> clocks, TicketHistory history, List<SlaPolicy> policies, DateTime now, CancellationToken ct)
    {
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
            var row = existing ?? db.SlaClocks.Add(new SlaClock(ticket.Id, metric)).Entity;
            foreach (var done in cycles.Where(c => c.Stop is not null && c.Number > row.ReportedCycle))
            {
                // A cycle that ended without an answer (solved or closed first) reports nothing.
                if (done.Answered)
                {
                    Report(Tracked(ticket), row, policy, minutes, done, hours, now);
                }

                row.ReportedCycle = done.Number;
            }

            var last = cycles[^1];
            var due = last.InstantAfter(hours, target);
            var outcome = last.Stop is not { } stop ? (SlaOutcome?)null
                : !last.Answered ? SlaOutcome.Cancelled
                : due is null || due >= stop ? SlaOutcome.Met : SlaOutcome.Missed;
            row.Track(policy.Id, policy.CalendarId, minutes, last, due, last.InstantAfter(hours, target * 0.75), outcome, now);
        }
    }

    // The ticket an SLA event is added to, tracked so that the save inserts the event: the instance the context already
    // tracks (a caller's), or the one read here, attached unchanged.
    private Ticket Tracked(Ticket ticket)
    {
        if (db.Tickets.Local.FindEntry(ticket.Id) is { } entry)
        {
            return entry.Entity;
        }

        db.Tickets.Attach(ticket);
        return ticket;
    }

    private static void Report(Ticket ticket, SlaClock row, SlaPolicy policy, int minutes, SlaCycle cycle, BusinessHours hours, DateTime now)
    {
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

    // Each ticket's status changes and public messages, oldest first, read for all the tickets in one query each.
    private async Task<Dictionary<long, TicketHistory>> HistoriesAsync(List<Ticket> tickets, CancellationToken ct)
    {
        var ids = tickets.Select(t => t.Id).ToList();
        var statuses = (await db.Events.AsNoTracking()
            .Where(e => e.TicketId != null && ids.Contains(e.TicketId.Value) && e.Type == TicketEventTypes.StatusChanged)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .Select(e => new { TicketId = e.TicketId!.Value, e.CreatedAt, e.Data })
            .ToListAsync(ct)).ToLookup(s => s.TicketId);

        // Replies written by rules (auto-acknowledgements) are not answers; only people stop a response clock.
        var messages = (await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.TicketId) && m.Kind != MessageKind.Note
                && (m.Direction == MessageDirection.In || m.AuthorKind != ActorKind.Rule))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.TicketId, Message = new PublicMessage(m.CreatedAt, m.Direction == MessageDirection.In) })
            .ToListAsync(ct)).ToLookup(m => m.TicketId, m => m.Message);

        return tickets.ToDictionary(t => t.Id, t => new TicketHistory(
            t.CreatedAt,
            [.. statuses[t.Id].Select(s => new StatusChange(s.CreatedAt, System.Text.Json.JsonSerializer.Deserialize<StatusData>(s.Data, EventJson.Options)!.To))],
            [.. messages[t.Id]]));
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
