using Kalinga.Channels;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Routing;

/// <summary>
/// Hands a team's waiting tickets (unassigned, new or open) to its online agents: VIP customers first, then higher
/// priority, then oldest. Capacity and single assignment are guarded in the database, not in memory: each
/// assignment locks the agent's routing row, recounts the agent's active tickets on that channel, and saves the
/// ticket with its version checked. So any number of nodes can drain the same queue at once without exceeding a
/// capacity or assigning a ticket twice.
/// </summary>
public sealed class RouteTickets(KalingaDb db, TimeProvider clock)
{
    public const int MaxPerRun = 100;

    private static readonly TicketStatus[] Active = [TicketStatus.New, TicketStatus.Open];

    public async Task<int> DrainAsync(long teamId, CancellationToken ct) =>
        await db.TeamQueues.AsNoTracking().SingleOrDefaultAsync(q => q.TeamId == teamId, ct) is { } queue
            ? (await RouteAsync(queue, arriving: null, ct)).Assigned
            : 0;

    /// <summary>
    /// A new ticket for a queue (the default queue, as the caller has it cached): routed together with the tickets
    /// already waiting there, so that when an agent takes it the ticket gets its team and its agent in one assignment.
    /// When no agent takes it, it joins the queue. Returns whether an agent took it.
    /// </summary>
    public async Task<bool> RouteArrivingAsync(long ticketId, TeamQueue queue, CancellationToken ct)
    {
        var run = await RouteAsync(queue, ticketId, ct);
        if (run.ArrivingTaken)
        {
            return true;
        }

        db.ChangeTracker.Clear();
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is { TeamId: null, AssigneeId: null })
        {
            ticket.Assign(null, queue.TeamId, Actor.System, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }

        db.ChangeTracker.Clear();
        return false;
    }

    private async Task<Run> RouteAsync(TeamQueue queue, long? arriving, CancellationToken ct)
    {
        if (queue.Strategy == RoutingStrategy.Manual)
        {
            return Run.None;
        }

        var teamId = queue.TeamId;
        var waiting = await WaitingAsync(teamId, arriving, ct);
        if (waiting.Count == 0)
        {
            return Run.None;
        }

        var agents = await AgentsAsync(teamId, ct);
        var run = Run.None;
        foreach (var ticket in waiting)
        {
            foreach (var agent in Order(agents.Where(a => Fits(a, ticket, queue.Strategy)), ticket.Channel, queue.Strategy).ToList())
            {
                var result = await TryAssignAsync(ticket, agent, teamId, ct);
                if (result == Outcome.Assigned)
                {
                    agent.Took(ticket.Channel, clock.GetUtcNow().UtcDateTime);
                    run = new Run(run.Assigned + 1, run.ArrivingTaken || ticket.Arriving);
                }
                else if (result == Outcome.AgentFull)
                {
                    agent.Load[ticket.Channel] = agent.Routing.CapacityFor(ticket.Channel);
                    continue;
                }

                break;
            }
        }

        return run;
    }

    // The waiting tickets in queue order (VIP customers first, then higher priority, then oldest), with the arriving
    // ticket, which has no team yet, in its place among them.
    private async Task<List<Waiting>> WaitingAsync(long teamId, long? arriving, CancellationToken ct)
    {
        var unassigned = db.Tickets.AsNoTracking().Where(t => t.AssigneeId == null && Active.Contains(t.Status) && t.MergedIntoId == null);
        var waiting = await InQueueOrder(unassigned.Where(t => t.TeamId == teamId)).Take(MaxPerRun).ToListAsync(ct);
        if (arriving is not { } id)
        {
            return waiting;
        }

        var added = await InQueueOrder(unassigned.Where(t => t.Id == id && t.TeamId == null)).ToListAsync(ct);
        return [.. waiting.Concat(added.Select(w => w with { Arriving = true }))
            .OrderByDescending(w => w.Vip).ThenByDescending(w => w.Priority).ThenBy(w => w.CreatedAt).ThenBy(w => w.Id)];
    }

    private IQueryable<Waiting> InQueueOrder(IQueryable<Ticket> tickets) => tickets
        .Select(t => new { Ticket = t, Vip = db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.IsVip).First() })
        .OrderByDescending(w => w.Vip).ThenByDescending(w => w.Ticket.Priority).ThenBy(w => w.Ticket.CreatedAt).ThenBy(w => w.Ticket.Id)
        .Select(w => new Waiting(w.Ticket.Id, w.Ticket.Channel, w.Ticket.Language, w.Ticket.CustomFields, w.Vip, w.Ticket.Priority, w.Ticket.CreatedAt));

    private static bool Fits(Candidate a, Waiting t, RoutingStrategy strategy) =>
        a.LoadOn(t.Channel) < a.Routing.CapacityFor(t.Channel)
        && (strategy != RoutingStrategy.SkillsBased
            || (a.Languages.Contains(t.Language) && (t.Product is null || a.Routing.Products.Contains(t.Product, StringComparer.OrdinalIgnoreCase))));

    private static IEnumerable<Candidate> Order(IEnumerable<Candidate> agents, Channel channel, RoutingStrategy strategy) =>
        strategy == RoutingStrategy.RoundRobin
            ? agents.OrderBy(a => a.Routing.LastAssignedAt ?? DateTime.MinValue).ThenBy(a => a.Routing.AssignedCount).ThenBy(a => a.Id)
            : agents.OrderBy(a => a.LoadOn(channel)).ThenBy(a => a.Routing.LastAssignedAt ?? DateTime.MinValue).ThenBy(a => a.Id);

    private async Task<Outcome> TryAssignAsync(Waiting waiting, Candidate agent, long teamId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Writing the agent's row first takes its lock (a row lock on PostgreSQL, the write lock on SQLite), so
        // assignments to one agent run one at a time and the count below sees every one committed before.
        var locked = await db.AgentRoutings.Where(r => r.AgentId == agent.Id && r.Status == AgentStatus.Online)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastAssignedAt, now).SetProperty(r => r.AssignedCount, r => r.AssignedCount + 1), ct);
        if (locked == 0)
        {
            return Outcome.AgentFull;
        }

        var load = await db.Tickets.CountAsync(t => t.AssigneeId == agent.Id && t.Channel == waiting.Channel && Active.Contains(t.Status), ct);
        if (load >= agent.Routing.CapacityFor(waiting.Channel))
        {
            return Outcome.AgentFull;
        }

        var ticket = await db.Tickets.SingleAsync(t => t.Id == waiting.Id, ct);
        if (ticket.AssigneeId is not null || (ticket.TeamId != teamId && !(waiting.Arriving && ticket.TeamId is null)) || !Active.Contains(ticket.Status))
        {
            return Outcome.TicketTaken;
        }

        ticket.Assign(agent.Id, teamId, Actor.System, now);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Outcome.Assigned;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.TicketTaken;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<List<Candidate>> AgentsAsync(long teamId, CancellationToken ct)
    {
        var online = await db.Agents.AsNoTracking()
            .Where(a => a.IsActive && a.Teams.Any(t => t.Id == teamId))
            .Join(db.AgentRoutings.AsNoTracking().Where(r => r.Status == AgentStatus.Online), a => a.Id, r => r.AgentId, (a, r) => new { a.Id, a.Languages, Routing = r })
            .ToListAsync(ct);
        var ids = online.Select(a => a.Id).ToList();
        var loads = await db.Tickets.AsNoTracking()
            .Where(t => t.AssigneeId != null && ids.Contains(t.AssigneeId.Value) && Active.Contains(t.Status))
            .GroupBy(t => new { t.AssigneeId, t.Channel })
            .Select(g => new { g.Key.AssigneeId, g.Key.Channel, Count = g.Count() })
            .ToListAsync(ct);
        return [.. online.Select(a => new Candidate(a.Id, a.Languages, a.Routing,
            loads.Where(l => l.AssigneeId == a.Id).ToDictionary(l => l.Channel, l => l.Count)))];
    }

    private enum Outcome
    {
        Assigned,
        AgentFull,
        TicketTaken,
    }

    private sealed record Run(int Assigned, bool ArrivingTaken)
    {
        public static readonly Run None = new(0, false);
    }

    private sealed record Waiting(long Id, Channel Channel, string Language, Dictionary<string, string> CustomFields, bool Vip, Priority Priority, DateTime CreatedAt)
    {
        /// <summary>The new ticket of <see cref="RouteArrivingAsync"/>, not in the team's queue yet.</summary>
        public bool Arriving { get; init; }

        /// <summary>Skills routing reads the product from the ticket's <c>product</c> custom field.</summary>
        public string? Product => CustomFields.GetValueOrDefault("product");
    }

    private sealed record Candidate(long Id, List<string> Languages, AgentRouting Routing, Dictionary<Channel, int> Load)
    {
        public int LoadOn(Channel channel) => Load.GetValueOrDefault(channel);

        public void Took(Channel channel, DateTime now)
        {
            Load[channel] = LoadOn(channel) + 1;
            Routing.Taken(now);
        }
    }
}
