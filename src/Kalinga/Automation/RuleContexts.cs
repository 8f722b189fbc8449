using Kalinga.Data;
using Kalinga.Sla;
using Kalinga.Tickets;
using Kalinga.Web;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Automation;

/// <summary>Loads what conditions look at for one ticket: tags, reason, customer, and the message in question.</summary>
public sealed class RuleContexts(KalingaDb db)
{
    /// <summary>The ticket, tracked, with its tags, ready for actions.</summary>
    public Task<Ticket?> TicketAsync(long ticketId, CancellationToken ct) =>
        db.Tickets.Include(t => t.Tags).ThenInclude(t => t.Tag).SingleOrDefaultAsync(t => t.Id == ticketId, ct);

    public async Task<RuleContext> ForAsync(Ticket ticket, TicketEvent? e, DateTime now, CancellationToken ct)
    {
        var reason = await db.ContactReasons.Where(r => r.Id == ticket.ReasonId).Select(r => r.Code).SingleAsync(ct);
        var customer = await db.Customers.Where(c => c.Id == ticket.CustomerId).Select(c => new { c.IsVip, c.Segments }).SingleAsync(ct);
        var body = e?.MessageId is { } messageId
            ? await db.Messages.Where(m => m.Id == messageId).Select(m => m.Text).FirstOrDefaultAsync(ct)
            : await db.Messages.Where(m => m.TicketId == ticket.Id && m.Direction == MessageDirection.In)
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Select(m => m.Text).FirstOrDefaultAsync(ct);
        var metric = e?.Type.StartsWith("sla.", StringComparison.Ordinal) == true ? e.ReadData<SlaEventData>()?.Metric : null;
        return new RuleContext(ticket, reason, [.. ticket.Tags.Select(t => t.Tag.Name)], customer.IsVip, customer.Segments, body,
            metric is { } m ? EnumWords.Word(m) : null, now);
    }
}
