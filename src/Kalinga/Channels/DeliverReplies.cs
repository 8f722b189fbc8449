using Kalinga.Data;
using Kalinga.Events;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels;

/// <summary>
/// The outbox's sending end: a queued reply is handed to its channel's adapter after the reply was committed.
/// Each failure is recorded on the message; the dispatcher retries with backoff, and the last attempt marks it failed.
/// </summary>
public sealed class DeliverReplies(IServiceScopeFactory scopes, ChannelAdapters adapters) : ITicketEventHandler
{
    public string Name => "deliver-replies";

    // Only outgoing messages wait in the outbox; an inbound one is never looked up.
    public bool Handles(TicketEvent e) => e.Type == TicketEventTypes.MessageAdded && e.MessageId is not null
        && !e.Data.Contains("\"direction\":\"in\"", StringComparison.Ordinal);

    public async Task HandleAsync(TicketEvent e, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        var message = await db.Messages.Include(m => m.Attachments).SingleOrDefaultAsync(m => m.Id == e.MessageId, ct);
        if (message is not { DeliveryStatus: DeliveryStatus.Queued })
        {
            return;
        }

        var ticket = await db.Tickets.SingleAsync(t => t.Id == message.TicketId, ct);
        var adapter = adapters.For(ticket.Channel);
        if (adapter is null)
        {
            message.MarkFailed($"No adapter sends on the {ticket.Channel} channel.", final: true);
            await db.SaveChangesAsync(ct);
            return;
        }

        try
        {
            var externalId = await adapter.SendAsync(ticket, message, ct);
            message.MarkSent(externalId);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.MarkFailed(ex.Message, final: e.Attempts + 1 >= EventDispatcher.MaxAttempts);
            await db.SaveChangesAsync(ct);
            throw;
        }
    }
}
