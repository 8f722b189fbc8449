using System.Security.Claims;
using Kalinga.Agents;
using Kalinga.Agents.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalinga.Tickets;

/// <summary>Views: the built-in lists, team queues and saved filters, with their counts and their tickets.</summary>
public static class ViewsModule
{
    public static IServiceCollection AddViews(this IServiceCollection services)
    {
        services.AddScoped<ListViews>();
        services.AddScoped<ResolveView>();
        services.AddScoped<CountViews>();
        services.AddScoped<SaveView>();
        services.AddScoped<DeleteView>();
        return services;
    }

    public static IEndpointRouteBuilder MapViews(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/views").WithTags("Views").RequireAuthorization(Policies.Agent);
        group.MapGet("/", ListAsync).WithSummary("Lists the caller's views (built-in, per team, saved and shared) with capped ticket counts");
        group.MapPost("/", SaveAsync).WithSummary("Saves a ticket filter as a view; the query uses the ticket list's parameters");
        group.MapDelete("/{id:long}", DeleteAsync).WithSummary("Deletes a saved view (its owner, or an admin for a shared view)");
        group.MapGet("/{key}/tickets", TicketsAsync).WithSummary("Lists a view's tickets with cursor pagination");
        return app;
    }

    public sealed record ViewWithCount(string Key, TicketViewKind Kind, string Name, string Query, string Sort, bool Shared, int Count, bool CountIsCapped);

    private static async Task<Ok<List<ViewWithCount>>> ListAsync(ListViews list, CountViews count, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = user.Actor();
        var views = await list.HandleAsync(actor.AgentId ?? 0, ct);
        var counts = (await count.HandleAsync(views, actor, ct)).ToDictionary(c => c.Key);
        return TypedResults.Ok(views.Select(v => new ViewWithCount(
            v.Key, v.Kind, v.Name, v.Query, v.Sort, v.IsShared, counts[v.Key].Count, counts[v.Key].IsCapped)).ToList());
    }

    private static async Task<Created<TicketView>> SaveAsync(SaveViewRequest request, SaveView save, ClaimsPrincipal user, CancellationToken ct)
    {
        var view = await save.HandleAsync(request, user.Actor(), ct);
        return TypedResults.Created($"/api/v1/views/{view.Key}/tickets", view);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, DeleteView delete, ClaimsPrincipal user, CancellationToken ct) =>
        await delete.HandleAsync(id, user.Actor(), user.Role() == AgentRole.Admin, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<TicketPage>, NotFound>> TicketsAsync(
        string key, ResolveView resolve, ListTickets list, ClaimsPrincipal user, CancellationToken ct, int limit = 50, string? cursor = null)
    {
        var view = await resolve.HandleAsync(key, user.Actor(), ct);
        return view is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await list.HandleAsync(view.Filter, view.Sort, view.Descending, limit, cursor, ct));
    }
}
