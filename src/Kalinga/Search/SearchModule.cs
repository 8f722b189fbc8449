using System.Security.Claims;
using Kalinga.Agents.Auth;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalinga.Search;

public static class SearchModule
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped(sp => sp.GetRequiredService<KalingaDb>().SearchIndex);
        services.AddScoped<SearchTickets>();
        return services;
    }

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/search", SearchAsync)
            .WithTags("Search")
            .RequireAuthorization(Policies.Agent)
            .WithSummary("Full-text search over ticket subjects and messages in every language, ranked, with the ticket filters");
        return app;
    }

    private static async Task<Ok<SearchResults>> SearchAsync(
        string q, [AsParameters] TicketQuery filter, SearchTickets search, KalingaDb db, ClaimsPrincipal user, CancellationToken ct,
        int limit = 20, int offset = 0) =>
        TypedResults.Ok(await search.HandleAsync(q, await filter.ToFilterAsync(db, user.Actor(), ct), limit, offset, ct));
}
