using System.Globalization;
using System.Linq.Expressions;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

/// <summary>
/// One pass of the time-based automations. Each rule looks only at tickets whose anchor time crossed its
/// threshold since the rule's last pass (<see cref="Rule.ScannedUntil"/>, with an hour of overlap for slow
/// commits), through the (Status, anchor) indexes; <see cref="RuleFiring"/> keeps a ticket from being acted on
/// twice for the same anchor. So a million open tickets cost nothing while none of them crosses a threshold.
/// A ticket is judged once per anchor: if its other conditions only come true later, the rule has passed it by.
/// </summary>
public sealed class RunAutomations(KalingaDb db, RuleContexts contexts, TicketActions actions, TimeProvider clock)
{
    public const int BatchSize = 200;
    private static readonly TimeSpan Overlap = TimeSpan.FromHours(1);

    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var ruleIds = await db.Rules.Where(r => r.IsActive && r.Kind == RuleKind.Automation)
            .OrderBy(r => r.Position).ThenBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        var acted = 0;
        foreach (var id in ruleIds)
        {
            acted += await RunAsync(id, ct);
        }

        return acted;
    }

    private async Task<int> RunAsync(long ruleId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var rule = await db.Rules.AsNoTracking().SingleAsync(r => r.Id == ruleId, ct);
        var anchor = TimeAnchor.Of(rule.Conditions);
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - TimeSpan.FromHours(anchor.Hours);
        var at = AnchorOf(anchor.Field);
        var candidates = (await Candidates(anchor.Status, at, rule.ScannedUntil - Overlap, cutoff)
                .OrderBy(at).ThenBy(t => t.Id).Take(BatchSize)
                .Select(t => new { t.Id, t.CreatedAt, t.UpdatedAt, t.StatusChangedAt })
                .ToListAsync(ct))
            .Select(t => (t.Id, Anchor: anchor.Field switch
            {
                "hours_since_created" => t.CreatedAt,
                "hours_since_updated" => t.UpdatedAt,
                _ => t.StatusChangedAt,
            }))
            .ToList();

        var acted = 0;
        foreach (var (id, time) in candidates)
        {
            acted += await ActAsync(rule, id, string.Create(CultureInfo.InvariantCulture, $"t{id}@{time.Ticks}"), now, ct) ? 1 : 0;
        }

        // A full batch means more tickets wait at the same threshold; the next pass continues from the last one.
        var scanned = candidates.Count == BatchSize ? candidates[^1].Anchor : cutoff;
        await db.Rules.Where(r => r.Id == ruleId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ScannedUntil, scanned), ct);
        return acted;
    }

    /// <summary>Judges one ticket and, if it matches, acts on it; saved on its own so one conflict costs one ticket.</summary>
    private async Task<bool> ActAsync(Rule rule, long ticketId, string key, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await db.RuleFirings.AnyAsync(f => f.RuleId == rule.Id && (f.Key == key || f.Key == "x" + key), ct))
        {
            return false;
        }

        var ticket = await contexts.TicketAsync(ticketId, ct);
        if (ticket is null)
        {
            return false;
        }

        var matched = (await contexts.ForAsync(ticket, null, now, ct)).Matches(rule.Conditions);
        if (matched)
        {
            await actions.ApplyAsync(ticket, rule.Actions, Actor.Rule(rule.Id), agentName: null, ct);
            foreach (var caused in db.ChangeTracker.Entries<TicketEvent>().Where(x => x.State == EntityState.Added))
            {
                caused.Entity.ChainDepth = 1;
            }
        }

        // Tickets that did not match are remembered too, so the overlap window does not judge them again.
        db.RuleFirings.Add(new RuleFiring(rule.Id, matched ? key : "x" + key, ticketId, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return matched;
        }
        catch (DbUpdateException)
        {
            // Another node acted on it, or someone changed the ticket meanwhile; the overlap brings it back if needed.
            return false;
        }
    }

    private IQueryable<Ticket> Candidates(TicketStatus status, Expression<Func<Ticket, DateTime>> at, DateTime? from, DateTime cutoff)
    {
        var query = db.Tickets.AsNoTracking().Where(t => t.Status == status).Where(Before(at, cutoff));
        return from is { } f ? query.Where(After(at, f)) : query;
    }

    private static Expression<Func<Ticket, DateTime>> AnchorOf(string field) => field switch
    {
        "hours_since_created" => t => t.CreatedAt,
        "hours_since_updated" => t => t.UpdatedAt,
        _ => t => t.StatusChangedAt,
    };

    private static Expression<Func<Ticket, bool>> Before(Expression<Func<Ticket, DateTime>> at, DateTime cutoff) =>
        Expression.Lambda<Func<Ticket, bool>>(Expression.LessThanOrEqual(at.Body, Expression.Constant(cutoff)), at.Parameters);

    private static Expression<Func<Ticket, bool>> After(Expression<Func<Ticket, DateTime>> at, DateTime from) =>
        Expression.Lambda<Func<Ticket, bool>>(Expression.GreaterThan(at.Body, Expression.Constant(from)), at.Parameters);
}
