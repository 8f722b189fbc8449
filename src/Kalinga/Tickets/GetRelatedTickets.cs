using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

public sealed record RelatedTicket(long Number, string Subject, TicketStatus Status, Channels.Channel Channel, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>The tickets linked to one ticket and the ones merged into it, in one query each.</summary>
public sealed class GetRelatedTickets(KalingaDb db)
{
    public async Task<IReadOnlyList<RelatedTicket>> LinkedAsync(long ticketId, CancellationToken ct) =>
        await db.TicketLinks.AsNoTracking()
            .Where(l => l.TicketId == ticketId)
            .Join(db.Tickets, l => l.LinkedTicketId, t => t.Id, (l, t) => t)
            .OrderBy(t => t.Number)
            .Select(t => new RelatedTicket(t.Number, t.Subject, t.Status, t.Channel, t.CreatedAt, t.UpdatedAt))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<RelatedTicket>> MergedIntoAsync(long ticketId, CancellationToken ct) =>
        await db.Tickets.AsNoTracking()
            .Where(t => t.MergedIntoId == ticketId)
            .OrderBy(t => t.Number)
            .Select(t => new RelatedTicket(t.Number, t.Subject, t.Status, t.Channel, t.CreatedAt, t.UpdatedAt))
            .ToListAsync(ct);
}
