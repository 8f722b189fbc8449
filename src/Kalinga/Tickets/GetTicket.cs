using System.Text.Json;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>One ticket with its whole conversation and timeline, in three queries whatever its length.</summary>
public sealed class GetTicket(KalingaDb db, Parties parties)
{
    public async Task<TicketDetails?> HandleAsync(long number, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Number == number)
            .Select(t => new
            {
                Ticket = t,
                Reason = db.ContactReasons.Where(r => r.Id == t.ReasonId).Select(r => r.Code).Single(),
                Tags = t.Tags.Select(x => x.Tag.Name).ToList(),
                Causes = t.Causes.Select(x => x.Cause.Code).ToList(),
                MergedInto = db.Tickets.Where(m => m.Id == t.MergedIntoId).Select(m => (long?)m.Number).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (ticket is null)
        {
            return null;
        }

        var t = ticket.Ticket;
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == t.Id)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Include(m => m.Attachments)
            .ToListAsync(ct);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.TicketId == t.Id)
            .OrderBy(e => e.Id)
            .ToListAsync(ct);

        var names = await parties.NamesAsync(
            messages.Select(m => m.Author).Concat(events.Select(e => e.Actor)).Append(Actor.Customer(t.CustomerId)), ct);

        return new TicketDetails(
            t.Id, t.Number, t.Subject, t.Status, t.Priority, ticket.Reason, t.Channel, t.Language,
            names.View(Actor.Customer(t.CustomerId)), t.OrganizationId, t.AssigneeId, t.TeamId,
            [.. ticket.Tags.Order()], [.. ticket.Causes.Order()], t.CustomFields,
            t.CreatedAt, t.UpdatedAt, t.FirstResponseAt, t.SolvedAt, t.ClosedAt, ticket.MergedInto, t.Version,
            [.. messages.Select(m => ToView(m, names))],
            [.. events.Select(e => new EventView(e.Id, e.Type, names.View(e.Actor), JsonDocument.Parse(e.Data).RootElement, e.CreatedAt))]);
    }

    public static MessageView ToView(Message m, PartyNames names) =>
        new(m.Id, m.Direction, m.Kind, m.IsInternal, names.View(m.Author), m.Text, m.Html, m.DeliveryStatus, m.DeliveryError, m.CreatedAt,
            [.. m.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size))]);
}
