using Kalinga.Channels;
using Kalinga.Data;
using Kalinga.Tickets;
using Kalinga.Web;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

/// <summary>
/// Which tickets a rule would act on now, without acting: a trigger is judged against open tickets as if its event
/// had just happened (most recently updated first), an automation against the tickets past its threshold.
/// Conditions on status, priority, channel and language narrow the query in the database; the rest are judged here.
/// </summary>
public sealed class DryRunRule(KalingaDb db, RuleValidator validator, TimeProvider clock)
{
    public const int MaxScanned = 1000;
    public const int MaxMatches = 200;

    public async Task<DryRunResult> HandleAsync(RuleRequest request, CancellationToken ct)
    {
        await validator.CheckAsync(request, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Tickets.AsNoTracking().Where(t => t.Status != TicketStatus.Closed && t.MergedIntoId == null);
        foreach (var c in (request.Conditions.All ?? []).Where(c => c.Op is RuleFields.Is or RuleFields.In))
        {
            query = Narrow(query, c);
        }

        if (request.Kind == RuleKind.Automation)
        {
            var anchor = TimeAnchor.Of(request.Conditions);
            var cutoff = now - TimeSpan.FromHours(anchor.Hours);
            query = anchor.Field switch
            {
                "hours_since_created" => query.Where(t => t.CreatedAt <= cutoff),
                "hours_since_updated" => query.Where(t => t.UpdatedAt <= cutoff),
                _ => query.Where(t => t.StatusChangedAt <= cutoff),
            };
        }

        var tickets = await query.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Take(MaxScanned + 1)
            .Include(t => t.Tags).ThenInclude(t => t.Tag).AsSplitQuery().ToListAsync(ct);
        var scanned = tickets.Take(MaxScanned).ToList();
        var reasons = await db.ContactReasons.ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        var customerIds = scanned.Select(t => t.CustomerId).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.IsVip, c.Segments }).ToDictionaryAsync(c => c.Id, ct);
        var bodies = request.Conditions.Every.Any(c => c.Field == "body") ? await LatestCustomerTextAsync(scanned, ct) : [];

        var matches = scanned
            .Where(t => new RuleContext(t, reasons[t.ReasonId], [.. t.Tags.Select(x => x.Tag.Name)], customers[t.CustomerId].IsVip,
                customers[t.CustomerId].Segments, bodies.GetValueOrDefault(t.Id), null, now).Matches(request.Conditions))
            .Take(MaxMatches + 1)
            .Select(t => new DryRunMatch(t.Number, t.Subject, t.Status, t.Priority, t.UpdatedAt))
            .ToList();
        return new DryRunResult([.. matches.Take(MaxMatches)], scanned.Count, tickets.Count > MaxScanned || matches.Count > MaxMatches);
    }

    private static IQueryable<Ticket> Narrow(IQueryable<Ticket> query, RuleCondition c)
    {
        var values = c.Values.ToList();
        switch (c.Field)
        {
            case "status":
                var statuses = values.Select(v => EnumWords.Parse<TicketStatus>(v, "value")).ToList();
                return query.Where(t => statuses.Contains(t.Status));
            case "priority":
                var priorities = values.Select(v => EnumWords.Parse<Priority>(v, "value")).ToList();
                return query.Where(t => priorities.Contains(t.Priority));
            case "channel":
                var channels = values.Select(v => EnumWords.Parse<Channel>(v, "value")).ToList();
                return query.Where(t => channels.Contains(t.Channel));
            case "language":
                return query.Where(t => values.Contains(t.Language));
            default:
                return query;
        }
    }

    private async Task<Dictionary<long, string>> LatestCustomerTextAsync(List<Ticket> tickets, CancellationToken ct)
    {
        var ids = tickets.Select(t => t.Id).ToList();
        return (await db.Messages.AsNoTracking().Where(m => ids.Contains(m.TicketId) && m.Direction == MessageDirection.In)
                .Select(m => new { m.TicketId, m.Id, m.Text }).ToListAsync(ct))
            .GroupBy(m => m.TicketId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Id)!.Text);
    }
}

public sealed record DryRunMatch(long Number, string Subject, TicketStatus Status, Priority Priority, DateTime UpdatedAt);

/// <summary><c>truncated</c> is true when more tickets were left unjudged or matched than are listed.</summary>
public sealed record DryRunResult(IReadOnlyList<DryRunMatch> Tickets, int Scanned, bool Truncated);
