using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

/// <summary>Creates, replaces, reorders and deletes rules (validated as a whole), recording each edit in the configuration history.</summary>
public sealed class EditRules(KalingaDb db, RuleValidator validator, ConfigurationAudit audit, TimeProvider clock)
{
    /// <summary>What the API shows instead of a webhook secret; sent back, it keeps the secret as it was.</summary>
    public const string HiddenSecret = "********";

    public async Task<RuleView> CreateAsync(RuleRequest request, Actor actor, CancellationToken ct)
    {
        if (request.Actions.Any(a => a.Secret == HiddenSecret))
        {
            throw new RuleException("actions", new LocalText("Adm3_Problem.WebhookSecretHidden"));
        }

        await validator.CheckAsync(request, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rule = new Rule(request.Name, request.Kind, now);
        request.ApplyTo(rule, now);
        db.Rules.Add(rule);
        return await audit.SaveCreatedAsync(actor, ConfigurationKinds.Rule, () => rule.Id, () => RuleView.From(rule), ct);
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
            throw new RuleException("kind", new LocalText("Adm3_Problem.RuleKeepsKind"));
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

    /// <summary>
    /// Swaps a rule with its neighbour among the rules of its kind (<paramref name="step"/> -1 up, +1 down) and renumbers
    /// that kind 10, 20, 30…, recording each rule whose position changed. False when the rule does not exist; a rule
    /// already first (or last) stays where it is. Two admins moving rules at once are serialized: the first statement
    /// writes every rule of the kind (a row lock on PostgreSQL, the write lock on SQLite), so the second reads the
    /// order only after the first is committed and no two rules end up with the same position.
    /// </summary>
    public async Task<RuleView?> MoveAsync(long id, int step, Actor actor, CancellationToken ct)
    {
        var kind = await db.Rules.Where(r => r.Id == id).Select(r => (RuleKind?)r.Kind).SingleOrDefaultAsync(ct);
        if (kind is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Rules.Where(r => r.Kind == kind).ExecuteUpdateAsync(s => s.SetProperty(r => r.Position, r => r.Position), ct);
        var ordered = await db.Rules.Where(r => r.Kind == kind).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var i = ordered.FindIndex(r => r.Id == id);
        if (i < 0)
        {
            return null;
        }

        var j = Math.Clamp(i + Math.Sign(step), 0, ordered.Count - 1);
        (ordered[i], ordered[j]) = (ordered[j], ordered[i]);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var k = 0; k < ordered.Count; k++)
        {
            var position = (k + 1) * 10;
            if (ordered[k].Position != position)
            {
                var before = RuleView.From(ordered[k]);
                ordered[k].Position = position;
                ordered[k].UpdatedAt = now;
                audit.Record(actor, ConfigurationKinds.Rule, ordered[k].Id, ConfigurationKinds.Updated, before, RuleView.From(ordered[k]));
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return RuleView.From(ordered[j]);
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
