using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

/// <summary>
/// Runs the triggers that listen to one event, in order, each seeing the changes of those before it. Loop guard:
/// a rule ignores events it caused itself, and events caused by rules carry their chain depth; past
/// <see cref="MaxDepth"/> no trigger runs and the timeline says so (automation.loop_stopped), so two rules
/// undoing each other stop after a few rounds instead of running forever.
/// </summary>
public sealed class RunTriggers(KalingaDb db, SettingsCache settings, RuleContexts contexts, TicketActions actions, TimeProvider clock)
{
    public const int MaxDepth = 5;

    public async Task HandleAsync(TicketEvent e, CancellationToken ct)
    {
        var trigger = TriggerEvents.Of(e);
        if (trigger is null || e.TicketId is not { } ticketId)
        {
            return;
        }

        var triggers = await settings.GetAsync("automation.triggers", async () => await db.Rules.AsNoTracking()
            .Where(r => r.IsActive && r.Kind == RuleKind.Trigger).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct));
        var rules = triggers.Where(r => r.Events.Contains(trigger) && !(e.ActorKind == ActorKind.Rule && e.ActorId == r.Id))
            .ToList();
        if (rules.Count == 0)
        {
            return;
        }

        var ticket = await contexts.TicketAsync(ticketId, ct);
        if (ticket is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var key = $"e{e.Id}";
        var fired = await db.RuleFirings.Where(f => f.Key == key).Select(f => f.RuleId).ToListAsync(ct);
        if (e.ChainDepth >= MaxDepth)
        {
            if (!fired.Contains(0))
            {
                TicketEvent.For(ticket, AutomationEventTypes.LoopStopped, Actor.System, now, new { @event = e.Id, e.Type, depth = e.ChainDepth, rules = rules.Select(r => r.Id) });
                db.RuleFirings.Add(new RuleFiring(0, key, ticketId, now));
                await db.SaveChangesAsync(ct);
            }

            return;
        }

        foreach (var rule in rules.Where(r => !fired.Contains(r.Id)))
        {
            var context = await contexts.ForAsync(ticket, e, now, ct);
            if (!context.Matches(rule.Conditions))
            {
                continue;
            }

            await actions.ApplyAsync(ticket, rule.Actions, Actor.Rule(rule.Id), agentName: null, ct);
            db.RuleFirings.Add(new RuleFiring(rule.Id, key, ticketId, now));
        }

        foreach (var caused in db.ChangeTracker.Entries<TicketEvent>().Where(x => x.State == EntityState.Added))
        {
            caused.Entity.ChainDepth = e.ChainDepth + 1;
        }

        await db.SaveChangesAsync(ct);
    }
}
