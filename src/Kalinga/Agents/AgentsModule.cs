using System.ComponentModel.DataAnnotations;
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
        services.AddScoped<IssueApiToken>();
        services.AddScoped<RevokeApiToken>();
        return services;
    }

    public static IEndpointRouteBuilder MapAgents(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/v1/api-tokens").WithTags("API tokens").RequireAuthorization(Policies.Admin);
        tokens.MapGet("/", ListTokensAsync).WithSummary("Lists API tokens, revoked ones too; never their secrets (admin)");
        tokens.MapGet("/{id:long}", GetTokenAsync).WithSummary("Gets one API token (admin)");
        tokens.MapPost("/", IssueTokenAsync).WithSummary("Creates an API token; the answer holds its secret, shown this once only (admin)");
        tokens.MapDelete("/{id:long}", RevokeTokenAsync).WithSummary("Revokes an API token (admin)");
        return app;
    }

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
