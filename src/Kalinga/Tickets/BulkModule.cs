using System.Security.Claims;
using Kalinga.Agents.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>Changes to many tickets at once, and links between tickets.</summary>
public static class BulkModule
{
    public static IServiceCollection AddBulk(this IServiceCollection services)
    {
        services.AddScoped<BulkEditTickets>();
        services.AddScoped<ReplyToMany>();
        services.AddScoped<MergeMany>();
        services.AddScoped<LinkTickets>();
        services.AddScoped<GetRelatedTickets>();
        services.AddScoped<RepliesSince>();
        return services;
    }

    public static IEndpointRouteBuilder MapBulk(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tickets").WithTags("Tickets").RequireAuthorization(Policies.Agent);
        group.MapPost("/bulk", async (BulkEditRequest request, BulkEditTickets edit, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await edit.HandleAsync(request, user.Actor(), ct)))
            .WithSummary("Assigns, sets the status of, or adds and removes tags on many tickets; reports each ticket");
        group.MapPost("/bulk/replies", async (BulkReplyRequest request, ReplyToMany reply, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await reply.HandleAsync(request, user.Actor(), ct)))
            .WithSummary("Sends one reply to many tickets, each on its own channel; reports each ticket");
        group.MapPost("/bulk/merge", async (MergeManyRequest request, MergeMany merge, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await merge.HandleAsync(request, user.Actor(), ct)))
            .WithSummary("Merges several tickets into one; reports each ticket");
        group.MapGet("/{number:long}/links", LinksAsync).WithSummary("Lists the tickets linked to this one");
        group.MapPost("/{number:long}/links", LinkAsync).WithSummary("Links another ticket to this one (both timelines record it)");
        group.MapDelete("/{number:long}/links/{other:long}", UnlinkAsync).WithSummary("Removes a link between two tickets");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<RelatedTicket>>, NotFound>> LinksAsync(
        long number, Data.KalingaDb db, GetRelatedTickets related, CancellationToken ct)
    {
        var id = await db.Tickets.Where(t => t.Number == number).Select(t => (long?)t.Id).SingleOrDefaultAsync(ct);
        return id is null ? TypedResults.NotFound() : TypedResults.Ok(await related.LinkedAsync(id.Value, ct));
    }

    private static async Task<Results<NoContent, NotFound>> LinkAsync(long number, LinkRequest request, LinkTickets links, ClaimsPrincipal user, CancellationToken ct) =>
        await links.LinkAsync(number, request.Ticket, user.Actor(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> UnlinkAsync(long number, long other, LinkTickets links, ClaimsPrincipal user, CancellationToken ct) =>
        await links.UnlinkAsync(number, other, user.Actor(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
