using Kalinga.Channels;
using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Tickets;
using Kalinga.Web;
using Microsoft.EntityFrameworkCore;
using static Kalinga.Routing.RoutingModule;

namespace Kalinga.Routing;

/// <summary>Sets a team's queue and an agent's routing profile (capacity, products), recording each edit.</summary>
public sealed class EditRouting(KalingaDb db, ConfigurationAudit audit, TimeProvider clock)
{
    public async Task<bool> SetQueueAsync(long teamId, QueueRequest request, Actor actor, CancellationToken ct)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (request.IsDefault)
        {
            await db.TeamQueues.Where(q => q.IsDefault && q.TeamId != teamId).ExecuteUpdateAsync(s => s.SetProperty(q => q.IsDefault, false), ct);
        }

        var queue = await db.TeamQueues.SingleOrDefaultAsync(q => q.TeamId == teamId, ct) ?? db.TeamQueues.Add(new TeamQueue(teamId)).Entity;
        var before = new QueueRequest(queue.Strategy, queue.ReassignWhenOffline, queue.IsDefault);
        queue.Strategy = request.Strategy;
        queue.ReassignWhenOffline = request.ReassignWhenOffline;
        queue.IsDefault = request.IsDefault;
        queue.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, ConfigurationKinds.Queue, teamId, ConfigurationKinds.Updated, before, request);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<bool> SetProfileAsync(long agentId, ProfileRequest request, Actor actor, CancellationToken ct)
    {
        if (!await db.Agents.AnyAsync(a => a.Id == agentId, ct))
        {
            return false;
        }

        if (request.DefaultCapacity is < 0 or > 1000 || request.Capacity?.Values.Any(v => v is < 0 or > 1000) == true)
        {
            throw new RuleException("capacity", new LocalText("Adm3_Problem.Capacity"));
        }

        if (request.Products?.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > 64) == true)
        {
            throw new RuleException("products", new LocalText("Adm3_Problem.ProductName"));
        }

        var routing = await db.AgentRoutings.SingleOrDefaultAsync(r => r.AgentId == agentId, ct) ?? db.AgentRoutings.Add(new AgentRouting(agentId)).Entity;
        var before = Profile(routing);
        routing.DefaultCapacity = request.DefaultCapacity ?? routing.DefaultCapacity;
        routing.Capacity = request.Capacity is null ? routing.Capacity
            : request.Capacity.ToDictionary(c => EnumWords.Parse<Channel>(c.Key, $"capacity.{c.Key}"), c => c.Value);
        routing.Products = request.Products is null ? routing.Products : [.. request.Products.Select(p => p.Trim())];
        audit.Record(actor, ConfigurationKinds.AgentRouting, agentId, ConfigurationKinds.Updated, before, Profile(routing));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static ProfileRequest Profile(AgentRouting r) =>
        new(r.DefaultCapacity, r.Capacity.ToDictionary(c => EnumWords.Word(c.Key), c => c.Value), [.. r.Products]);
}
