using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

public sealed record LinkRequest(long Ticket);

/// <summary>Links two tickets (or removes the link); both timelines record it.</summary>
public sealed class LinkTickets(KalingaDb db, TimeProvider clock)
{
    public async Task<bool> LinkAsync(long number, long other, Actor actor, CancellationToken ct) =>
        await ChangeAsync(number, other, actor, link: true, ct);

    public async Task<bool> UnlinkAsync(long number, long other, Actor actor, CancellationToken ct) =>
        await ChangeAsync(number, other, actor, link: false, ct);

    private async Task<bool> ChangeAsync(long number, long other, Actor actor, bool link, CancellationToken ct)
    {
        var numbers = new[] { number, other };
        var tickets = await db.Tickets.Include(t => t.Links).Where(t => numbers.Contains(t.Number)).ToListAsync(ct);
        var ticket = tickets.SingleOrDefault(t => t.Number == number);
        if (ticket is null)
        {
            return false;
        }

        var target = tickets.SingleOrDefault(t => t.Number == other) ?? throw new RuleException("ticket", new LocalText("Loc4_Problem.Tickets.NoTicket", other));
        var now = clock.GetUtcNow().UtcDateTime;
        if (link)
        {
            ticket.LinkTo(target, actor, now);
        }
        else
        {
            ticket.UnlinkFrom(target, actor, now);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
