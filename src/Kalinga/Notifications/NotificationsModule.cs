using System.Security.Claims;
using Kalinga.Agents.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalinga.Notifications;

public static class NotificationsModule
{
    public sealed record MarkReadRequest(IReadOnlyList<long>? Ids = null);

    public sealed record UnreadCount(int Unread);

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.Agent);
        group.MapGet("/", async (ListNotifications list, ClaimsPrincipal user, CancellationToken ct, int limit = 50) =>
                TypedResults.Ok(await list.HandleAsync(AgentId(user), limit, ct)))
            .WithSummary("The signed-in agent's notifications (mentions in notes), newest first");
        group.MapGet("/unread", async (ListNotifications list, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(new UnreadCount(await list.CountUnreadAsync(AgentId(user), ct))))
            .WithSummary("How many notifications the signed-in agent has not read");
        group.MapPost("/read", async (MarkReadRequest request, MarkNotificationsRead mark, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await mark.HandleAsync(AgentId(user), request.Ids, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Marks notifications read: the ids given, or all");
        return app;
    }

    private static long AgentId(ClaimsPrincipal user) =>
        user.Actor().AgentId ?? throw new RuleException("agent", new LocalText("Loc4_Problem.Notifications.AgentsOnly"));
}
