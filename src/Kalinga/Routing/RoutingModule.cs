using System.Security.Claims;
using Kalinga.Agents;
using Kalinga.Agents.Auth;
using Kalinga.Channels;
using Kalinga.Data;
using Kalinga.Events;
using Kalinga.Tickets;
using Kalinga.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Routing;

public static class RoutingModule
{
    public static IServiceCollection AddTicketRouting(this IServiceCollection services)
    {
        services.AddScoped<RouteTickets>();
        services.AddScoped<SetAvailability>();
        services.AddScoped<EditRouting>();
        services.AddSingleton<ITicketEventHandler, RoutingEventHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapTicketRouting(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/routing").WithTags("Routing");
        group.MapGet("/queues", QueuesAsync).RequireAuthorization(Policies.Agent).WithSummary("Each team's routing strategy and how many tickets wait");
        group.MapPut("/queues/{teamId:long}", SetQueueAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Sets a team's strategy (manual, round_robin, least_loaded, skills_based), offline reassignment and default queue");
        group.MapPost("/queues/{teamId:long}/run", RunAsync).RequireAuthorization(Policies.Supervisor).WithSummary("Assigns the team's waiting tickets now");
        group.MapGet("/agents", AgentsAsync).RequireAuthorization(Policies.Agent).WithSummary("Agents' availability, capacity per channel, skills and load");
        group.MapPut("/agents/{agentId:long}/availability", AvailabilityAsync).RequireAuthorization(Policies.Agent)
            .WithSummary("Sets an agent online, away or offline (agents set their own; supervisors anyone's)");
        group.MapPut("/agents/{agentId:long}/profile", ProfileAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Sets an agent's capacity per channel and product skills");
        return app;
    }

    public static async Task<Ok<List<QueueView>>> QueuesAsync(KalingaDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new QueueView(
                t.Id, t.Name,
                db.TeamQueues.Where(q => q.TeamId == t.Id).Select(q => (RoutingStrategy?)q.Strategy).FirstOrDefault() ?? RoutingStrategy.Manual,
                db.TeamQueues.Any(q => q.TeamId == t.Id && q.ReassignWhenOffline),
                db.TeamQueues.Any(q => q.TeamId == t.Id && q.IsDefault),
                db.Tickets.Count(x => x.TeamId == t.Id && x.AssigneeId == null && (x.Status == TicketStatus.New || x.Status == TicketStatus.Open))))
            .ToListAsync(ct));

    private static async Task<Results<Ok<QueueView>, NotFound>> SetQueueAsync(
        long teamId, QueueRequest request, EditRouting edit, KalingaDb db, ClaimsPrincipal user, CancellationToken ct) =>
        await edit.SetQueueAsync(teamId, request, user.Actor(), ct)
            ? TypedResults.Ok((await QueuesAsync(db, ct)).Value!.Single(q => q.TeamId == teamId))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<RunResult>, NotFound>> RunAsync(long teamId, KalingaDb db, RouteTickets route, CancellationToken ct) =>
        await db.Teams.AnyAsync(t => t.Id == teamId, ct) ? TypedResults.Ok(new RunResult(await route.DrainAsync(teamId, ct))) : TypedResults.NotFound();

    public static async Task<Ok<List<AgentRoutingView>>> AgentsAsync(KalingaDb db, CancellationToken ct)
    {
        var agents = await db.Agents.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Languages, Routing = db.AgentRoutings.FirstOrDefault(r => r.AgentId == a.Id) })
            .ToListAsync(ct);
        var loads = await db.Tickets.AsNoTracking()
            .Where(t => t.AssigneeId != null && (t.Status == TicketStatus.New || t.Status == TicketStatus.Open))
            .GroupBy(t => new { t.AssigneeId, t.Channel }).Select(g => new { g.Key.AssigneeId, g.Key.Channel, Count = g.Count() })
            .ToListAsync(ct);
        return TypedResults.Ok(agents.Select(a => new AgentRoutingView(
            a.Id, a.Name, a.Routing?.Status ?? AgentStatus.Offline, a.Routing?.StatusChangedAt, a.Languages,
            a.Routing?.Products ?? [], a.Routing?.DefaultCapacity ?? AgentRouting.StandardCapacity,
            (a.Routing?.Capacity ?? []).ToDictionary(c => EnumWords.Word(c.Key), c => c.Value),
            loads.Where(l => l.AssigneeId == a.Id).ToDictionary(l => EnumWords.Word(l.Channel), l => l.Count))).ToList());
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> AvailabilityAsync(
        long agentId, AvailabilityRequest request, SetAvailability set, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Actor().AgentId != agentId && user.Role() < AgentRole.Supervisor)
        {
            return TypedResults.Forbid();
        }

        return await set.HandleAsync(agentId, request.Status, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> ProfileAsync(long agentId, ProfileRequest request, EditRouting edit, ClaimsPrincipal user, CancellationToken ct) =>
        await edit.SetProfileAsync(agentId, request, user.Actor(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    public sealed record QueueRequest(RoutingStrategy Strategy, bool ReassignWhenOffline = false, bool IsDefault = false);

    public sealed record QueueView(long TeamId, string Team, RoutingStrategy Strategy, bool ReassignWhenOffline, bool IsDefault, int Waiting);

    public sealed record RunResult(int Assigned);

    public sealed record AvailabilityRequest(AgentStatus Status);

    /// <summary>Fields left out stay as they are; <c>capacity</c> replaces the per-channel overrides.</summary>
    public sealed record ProfileRequest(int? DefaultCapacity = null, IReadOnlyDictionary<string, int>? Capacity = null, IReadOnlyList<string>? Products = null);

    public sealed record AgentRoutingView(
        long Id, string Name, AgentStatus Status, DateTime? StatusChangedAt, IReadOnlyList<string> Languages, IReadOnlyList<string> Products,
        int DefaultCapacity, IReadOnlyDictionary<string, int> Capacity, IReadOnlyDictionary<string, int> Load);
}
