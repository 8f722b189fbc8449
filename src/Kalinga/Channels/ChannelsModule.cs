using System.ComponentModel.DataAnnotations;
using Kalinga.Agents.Auth;
using Kalinga.Customers;
using Kalinga.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalinga.Channels;

public static class ChannelsModule
{
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddSingleton<ChannelAdapters>();
        services.AddSingleton<ITicketEventHandler, DeliverReplies>();
        services.AddScoped<ReceiveInbound>();
        return services;
    }

    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/inbound", ReceiveAsync)
            .WithTags("Channels")
            .RequireAuthorization(Policies.Agent)
            .WithSummary("Delivers a customer's message from another system; it is deduplicated, threaded or opens a ticket");
        return app;
    }

    private static async Task<Results<Created<InboundResult>, Ok<InboundResult>>> ReceiveAsync(InboundRequest request, ReceiveInbound receive, CancellationToken ct)
    {
        var item = new InboundMessage(request.Channel, request.From, request.Subject ?? "", request.Text)
        {
            Html = request.Html,
            ExternalId = request.ExternalId,
            TicketNumber = request.TicketNumber,
            InReplyTo = request.InReplyTo ?? [],
            Reason = request.Reason ?? "question",
        };
        var result = await receive.HandleAsync(item, ct);
        return result.Outcome == InboundOutcome.NewTicket
            ? TypedResults.Created($"/api/v1/tickets/{result.TicketNumber}", result)
            : TypedResults.Ok(result);
    }

    public sealed record InboundRequest(
        Channel Channel,
        [Required] CustomerRef From,
        [Required, StringLength(1_000_000)] string Text,
        [StringLength(500)] string? Subject = null,
        [StringLength(1_000_000)] string? Html = null,
        [StringLength(998)] string? ExternalId = null,
        long? TicketNumber = null,
        IReadOnlyList<string>? InReplyTo = null,
        string? Reason = null);
}
