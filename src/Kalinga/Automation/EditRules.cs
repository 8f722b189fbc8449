using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

/// <summary>Creates, replaces and deletes rules (validated as a whole), recording each edit in the configuration history.</summary>
public sealed class EditRules(KalingaDb db, RuleValidator validator, ConfigurationAudit audit, TimeProvider clock)
{
    /// <summary>What the API shows instead of a webhook secret; sent back, it keeps the secret as it was.</summary>
    public const string HiddenSecret = "********";

    public async Task<RuleView> CreateAsync(RuleRequest request, Actor actor, CancellationToken ct)
    {
        if (request.Actions.Any(a => a.Secret == HiddenSecret))
        {
            throw new RuleException("actions", "Give the webhook secret itself.");
        }

        await validator.CheckAsync(request, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rule = new Rule(request.Name, request.Kind, now);
        request.ApplyTo(rule, now);
        db.Rules.Add(rule);
        await db.SaveChangesAsync(ct);
        var view = RuleView.From(rule);
        audit.Record(actor, ConfigurationKinds.Rule, rule.Id, ConfigurationKinds.Created, null, view);
        await db.SaveChangesAsync(ct);
        return view;
    }

    public async Task<RuleView?> UpdateAsync(long id, RuleRequest request, Actor actor, CancellationToken ct)
    {
        var rule = await db.Rules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return null;
        }

        if (request.Kind != rule.Kind)
        {
            throw new RuleException("kind", "A rule keeps its kind; create a new rule instead.");
        }

        var before = RuleView.From(rule);
        var merged = request with
        {
            Actions = [.. request.Actions.Select((a, i) => a.Secret == HiddenSecret && i < rule.Actions.Count ? a with { Secret = rule.Actions[i].Secret } : a)],
        };
        await validator.CheckAsync(merged, ct);
        merged.ApplyTo(rule, clock.GetUtcNow().UtcDateTime);
        var after = RuleView.From(rule);
        audit.Record(actor, ConfigurationKinds.Rule, rule.Id, ConfigurationKinds.Updated, before, after);
        await db.SaveChangesAsync(ct);
        return after;
    }

    public async Task<bool> DeleteAsync(long id, Actor actor, CancellationToken ct)
    {
        var rule = await db.Rules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return false;
        }

        db.Rules.Remove(rule);
        audit.Record(actor, ConfigurationKinds.Rule, id, ConfigurationKinds.Deleted, RuleView.From(rule), null);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
