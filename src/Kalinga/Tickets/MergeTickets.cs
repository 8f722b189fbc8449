using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

public sealed record MergeRequest(long Into);

/// <summary>Moves a duplicate's conversation into the ticket that stays, and closes the duplicate with a link to it.</summary>
public sealed class MergeTickets(KalingaDb db, TimeProvider clock)
{
    public async Task<long?> HandleAsync(long sourceNumber, MergeRequest request, Actor actor, CancellationToken ct)
    {
        var numbers = new[] { sourceNumber, request.Into };
        var tickets = await db.Tickets.Include(t => t.Messages).Where(t => numbers.Contains(t.Number)).ToListAsync(ct);
        var source = tickets.SingleOrDefault(t => t.Number == sourceNumber);
        if (source is null)
        {
            return null;
        }

        var target = tickets.SingleOrDefault(t => t.Number == request.Into)
            ?? throw new RuleException("into", new LocalText("Loc4_Problem.Tickets.NoTicket", request.Into));
        source.MergeInto(target, actor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return target.Number;
    }
}
