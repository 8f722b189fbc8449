using Kalinga.Agents.Auth;
using Kalinga.Configuration;
using Kalinga.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Events;

public static class EventsModule
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton<SettingsCache>();
        services.AddSingleton<EventDispatcher>();
        services.AddHostedService<EventDispatchWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/events").WithTags("Events").RequireAuthorization(Policies.Admin);
        group.MapGet("/failed", async (KalingaDb db, CancellationToken ct) => TypedResults.Ok(await db.Events.AsNoTracking()
                .Where(e => e.DispatchedAt != null && e.LastError != null)
                .OrderByDescending(e => e.Id).Take(200)
                .Select(e => new FailedEvent(e.Id, e.TicketId, e.Type, e.Attempts, e.LastError!, e.CreatedAt))
                .ToListAsync(ct)))
            .WithSummary("Events whose handlers kept failing and were set aside");
        group.MapPost("/{id:long}/retry", RetryAsync).WithSummary("Queues a set-aside event for delivery again");
        return app;
    }

    private static async Task<Results<NoContent, NotFound>> RetryAsync(long id, KalingaDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.Events.Where(e => e.Id == id && e.DispatchedAt != null && e.LastError != null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.DispatchedAt, (DateTime?)null).SetProperty(e => e.Attempts, 0).SetProperty(e => e.NextAttemptAt, now), ct);
        return updated == 1 ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    public sealed record FailedEvent(long Id, long? TicketId, string Type, int Attempts, string LastError, DateTime CreatedAt);
}
