using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

public sealed record RecentReply(long MessageId, ActorKind AuthorKind, long? AuthorId, string AuthorName, DateTime CreatedAt);

/// <summary>
/// Public messages added to a ticket after the one an agent last saw, by anyone but that agent: the check behind
/// "someone replied since you opened this ticket" before a reply goes out.
/// </summary>
public sealed class RepliesSince(KalingaDb db)
{
    public async Task<IReadOnlyList<RecentReply>> HandleAsync(long ticketId, long lastSeenMessageId, long agentId, CancellationToken ct) =>
        await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Id > lastSeenMessageId && m.Kind != MessageKind.Note
                && !(m.AuthorKind == ActorKind.Agent && m.AuthorId == agentId))
            .OrderBy(m => m.Id)
            .Select(m => new RecentReply(
                m.Id, m.AuthorKind, m.AuthorId,
                m.AuthorKind == ActorKind.Agent ? db.Agents.Where(a => a.Id == m.AuthorId).Select(a => a.Name).FirstOrDefault() ?? ""
                : m.AuthorKind == ActorKind.Customer ? db.Customers.Where(c => c.Id == m.AuthorId).Select(c => c.Name).FirstOrDefault() ?? ""
                : "",
                m.CreatedAt))
            .ToListAsync(ct);
}
