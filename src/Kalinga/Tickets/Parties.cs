using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>Looks up the display names of the agents, customers and tokens on a timeline in one query per kind.</summary>
public sealed class Parties(KalingaDb db)
{
    public async Task<PartyNames> NamesAsync(IEnumerable<Actor> actors, CancellationToken ct)
    {
        var all = actors.Where(a => a.Id is not null).Distinct().ToList();
        var agentIds = IdsOf(all, ActorKind.Agent);
        var customerIds = IdsOf(all, ActorKind.Customer);
        var tokenIds = IdsOf(all, ActorKind.ApiToken);
        var ruleIds = IdsOf(all, ActorKind.Rule);
        var names = new Dictionary<Actor, string>();
        foreach (var a in await db.Agents.Where(a => agentIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
        {
            names[Actor.Agent(a.Id)] = a.Name;
        }

        foreach (var c in await db.Customers.Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
        {
            names[Actor.Customer(c.Id)] = c.Name;
        }

        foreach (var t in await db.ApiTokens.Where(t => tokenIds.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
        {
            names[Actor.Token(t.Id)] = t.Name;
        }

        foreach (var r in await db.Rules.Where(r => ruleIds.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
        {
            names[Actor.Rule(r.Id)] = r.Name;
        }

        return new PartyNames(names);
    }

    private static List<long> IdsOf(List<Actor> actors, ActorKind kind) =>
        [.. actors.Where(a => a.Kind == kind).Select(a => a.Id!.Value)];
}

public sealed class PartyNames(IReadOnlyDictionary<Actor, string> names)
{
    public PartyView View(Actor actor) => Of(actor.Kind, actor.Id, names.GetValueOrDefault(actor));

    /// <summary>A party as shown: the system is "Kalinga", a party whose row (and so name) is gone "(unknown)".</summary>
    public static PartyView Of(ActorKind kind, long? id, string? name) =>
        new(kind, id, kind == ActorKind.System ? "Kalinga" : name ?? "(unknown)");
}
