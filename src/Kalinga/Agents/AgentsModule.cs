using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kalinga.Agents.Auth;
using Kalinga.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Agents;

/// <summary>The people (agents, teams) and the programs (API tokens) that work in Kalinga. Reads for any agent; writes for admins.</summary>
public static class AgentsModule
{
    public static IServiceCollection AddAgents(this IServiceCollection services)
    {
        services.AddScoped<ListAgents>();
        services.AddScoped<CreateAgent>();
        services.AddScoped<UpdateAgent>();
        services.AddScoped<SetAgentPassword>();
        services.AddScoped<SaveTeam>();
        services.AddScoped<SetTeamMembers>();
        services.AddScoped<IssueApiToken>();
        services.AddScoped<RevokeApiToken>();
        return services;
    }

    public static IEndpointRouteBuilder MapAgents(this IEndpointRouteBuilder app)
    {
        var agents = app.MapGroup("/api/v1/agents").WithTags("Agents").RequireAuthorization(Policies.Agent);
        agents.MapGet("/", ListAgentsAsync).WithSummary("Lists agents by name; ?team= and ?active= filter");
        agents.MapGet("/{id:long}", GetAgentAsync).WithSummary("Gets one agent with their teams");
        agents.MapPost("/", CreateAgentAsync).RequireAuthorization(Policies.Admin).WithSummary("Adds an agent (admin)");
        agents.MapPatch("/{id:long}", UpdateAgentAsync)
            .WithSummary("Changes an agent (admin); agents may change their own name, UI language and password. active=false deactivates");
        agents.MapPost("/{id:long}/password", SetPasswordAsync)
            .WithSummary($"Sets an agent's password, at least {Agent.MinPasswordLength} characters (admin, or the agent themself)");

        var teams = app.MapGroup("/api/v1/teams").WithTags("Teams").RequireAuthorization(Policies.Agent);
        teams.MapGet("/", ListTeamsAsync).WithSummary("Lists teams with their member counts");
        teams.MapGet("/{id:long}", GetTeamAsync).WithSummary("Gets one team with its members");
        teams.MapPost("/", CreateTeamAsync).RequireAuthorization(Policies.Admin).WithSummary("Adds a team (admin)");
        teams.MapPatch("/{id:long}", UpdateTeamAsync).RequireAuthorization(Policies.Admin).WithSummary("Renames or describes a team (admin)");
        teams.MapPut("/{id:long}/members", SetMembersAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Replaces a team's members with the agents listed (admin)");

        var tokens = app.MapGroup("/api/v1/api-tokens").WithTags("API tokens").RequireAuthorization(Policies.Admin);
        tokens.MapGet("/", ListTokensAsync).WithSummary("Lists API tokens, revoked ones too; never their secrets (admin)");
        tokens.MapGet("/{id:long}", GetTokenAsync).WithSummary("Gets one API token (admin)");
        tokens.MapPost("/", IssueTokenAsync).WithSummary("Creates an API token; the answer holds its secret, shown this once only (admin)");
        tokens.MapDelete("/{id:long}", RevokeTokenAsync).WithSummary("Revokes an API token (admin)");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AgentView>>> ListAgentsAsync(ListAgents list, CancellationToken ct, long? team = null, bool? active = null) =>
        TypedResults.Ok(await list.HandleAsync(team, active, ct));

    private static async Task<Results<Ok<AgentView>, NotFound>> GetAgentAsync(long id, ListAgents list, CancellationToken ct) =>
        await list.OneAsync(id, ct) is { } agent ? TypedResults.Ok(agent) : TypedResults.NotFound();

    private static async Task<Created<AgentView>> CreateAgentAsync(CreateAgentRequest request, CreateAgent create, ListAgents list, CancellationToken ct)
    {
        var agent = await create.HandleAsync(request, ct);
        return TypedResults.Created($"/api/v1/agents/{agent.Id}", (await list.OneAsync(agent.Id, ct))!);
    }

    private static async Task<Results<Ok<AgentView>, NotFound, ForbidHttpResult>> UpdateAgentAsync(
        long id, UpdateAgentRequest request, UpdateAgent update, ListAgents list, ClaimsPrincipal user, CancellationToken ct) =>
        await update.HandleAsync(id, request, user, ct) switch
        {
            EditOutcome.Done => TypedResults.Ok((await list.OneAsync(id, ct))!),
            EditOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> SetPasswordAsync(
        long id, SetPasswordRequest request, SetAgentPassword setPassword, ClaimsPrincipal user, CancellationToken ct) =>
        await setPassword.HandleAsync(id, request.Password, user, ct) switch
        {
            EditOutcome.Done => TypedResults.NoContent(),
            EditOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Ok<List<TeamSummary>>> ListTeamsAsync(KalingaDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Teams.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TeamSummary(t.Id, t.Name, t.Description, t.Members.Count))
            .ToListAsync(ct));

    private static async Task<Results<Ok<TeamDetails>, NotFound>> GetTeamAsync(long id, KalingaDb db, CancellationToken ct) =>
        await db.Teams.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TeamDetails(t.Id, t.Name, t.Description,
                t.Members.OrderBy(m => m.Name).Select(m => new TeamMember(m.Id, m.Name, m.Email, m.Role, m.IsActive)).ToList()))
            .SingleOrDefaultAsync(ct) is { } team
            ? TypedResults.Ok(team)
            : TypedResults.NotFound();

    private static async Task<Created<TeamDetails>> CreateTeamAsync(TeamRequest request, SaveTeam save, CancellationToken ct)
    {
        var team = await save.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/teams/{team.Id}", new TeamDetails(team.Id, team.Name, team.Description, []));
    }

    private static async Task<Results<Ok<TeamDetails>, NotFound>> UpdateTeamAsync(long id, TeamRequest request, SaveTeam save, KalingaDb db, CancellationToken ct) =>
        await save.UpdateAsync(id, request, ct) is null ? TypedResults.NotFound() : await GetTeamAsync(id, db, ct);

    private static async Task<Results<Ok<TeamDetails>, NotFound>> SetMembersAsync(
        long id, TeamMembersRequest request, SetTeamMembers setMembers, KalingaDb db, CancellationToken ct) =>
        await setMembers.HandleAsync(id, request.AgentIds, ct) ? await GetTeamAsync(id, db, ct) : TypedResults.NotFound();

    private static async Task<Ok<List<ApiTokenView>>> ListTokensAsync(KalingaDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.ApiTokens.AsNoTracking().OrderBy(t => t.Id).Select(ApiTokenView.Projection).ToListAsync(ct));

    private static async Task<Results<Ok<ApiTokenView>, NotFound>> GetTokenAsync(long id, KalingaDb db, CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking().Where(t => t.Id == id).Select(ApiTokenView.Projection).SingleOrDefaultAsync(ct) is { } token
            ? TypedResults.Ok(token)
            : TypedResults.NotFound();

    private static async Task<Created<IssuedToken>> IssueTokenAsync(IssueTokenRequest request, IssueApiToken issue, CancellationToken ct)
    {
        var token = await issue.HandleAsync(request.Name, request.Role, ct);
        return TypedResults.Created($"/api/v1/api-tokens/{token.Id}", token);
    }

    private static async Task<Results<NoContent, NotFound>> RevokeTokenAsync(long id, RevokeApiToken revoke, CancellationToken ct) =>
        await revoke.HandleAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    public sealed record IssueTokenRequest([Required, StringLength(200, MinimumLength = 1)] string Name, AgentRole Role = AgentRole.Agent);
}
