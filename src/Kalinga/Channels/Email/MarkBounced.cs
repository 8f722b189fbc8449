using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Email;

/// <summary>
/// Acts on a bounce: the reply it reports on is marked failed (with the reason on the ticket's timeline) and the
/// address is flagged as bouncing. The caller saves, together with the set-aside record of the bounce itself.
/// </summary>
public sealed class MarkBounced(KalingaDb db, TimeProvider clock)
{
    public async Task<long?> HandleAsync(FilterVerdict bounce, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = bounce.OriginalMessageIds.ToList();
        var messageId = await db.Messages.Where(m => m.Direction == MessageDirection.Out && m.ExternalId != null && ids.Contains(m.ExternalId))
            .OrderByDescending(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct)
            ?? await db.EmailRecords.Where(r => ids.Contains(r.InternetMessageId)).OrderByDescending(r => r.MessageId).Select(r => (long?)r.MessageId).FirstOrDefaultAsync(ct);

        if (messageId is not null)
        {
            var message = await db.Messages.SingleAsync(m => m.Id == messageId, ct);
            if (message.Direction == MessageDirection.Out && message.DeliveryStatus != DeliveryStatus.Failed)
            {
                message.MarkFailed("Bounced: " + bounce.Reason, final: true);
                var ticket = await db.Tickets.SingleAsync(t => t.Id == message.TicketId, ct);
                TicketEvent.For(ticket, TicketEventTypes.DeliveryChanged, Actor.System, now, new { status = DeliveryStatus.Failed, reason = message.DeliveryError }, message);
            }
        }

        if (bounce.FailedRecipient is { Length: > 0 and <= 320 } address)
        {
            // By key: an import batch may flag the same address twice before it saves.
            var flagged = await db.BouncingAddresses.FindAsync([address], ct);
            if (flagged is null)
            {
                flagged = new BouncingAddress(address, now);
                db.BouncingAddresses.Add(flagged);
            }

            flagged.Bounces++;
            flagged.LastBounceAt = now;
            flagged.LastReason = bounce.Reason.Length > 2000 ? bounce.Reason[..2000] : bounce.Reason;
        }

        return messageId;
    }
}
