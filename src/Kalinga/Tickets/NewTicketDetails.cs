using Kalinga.Customers;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>
/// The answer to a new ticket, built from what <see cref="CreateTicket"/> just saved: the same <see cref="TicketDetails"/>
/// that <see cref="GetTicket"/> reads, without reading the ticket back (two more commands on a hot write path).
/// </summary>
/// <remarks>
/// It mirrors GetTicket's read: messages by time then id, attachments and events by id, tags and causes in the same
/// order, internal = a note, names as <see cref="PartyNames"/> shows them. The ticket's instants are whole microseconds
/// (see <see cref="CreateTicket"/>), so they equal what PostgreSQL stores and returns. The ticket tests compare this
/// answer with a later GET on both engines.
/// </remarks>
public static class NewTicketDetails
{
    public static TicketDetails Of(Ticket ticket, string reason, Customer customer, PartyNames names)
    {
        var customerView = PartyNames.Of(ActorKind.Customer, customer.Id, customer.Name);
        PartyView View(Actor actor) => actor == Actor.Customer(customer.Id) ? customerView : names.View(actor);

        return new TicketDetails(
            ticket.Id, ticket.Number, ticket.Subject, ticket.Status, ticket.Priority, reason, ticket.Channel, ticket.Language,
            customerView, ticket.OrganizationId, ticket.AssigneeId, ticket.TeamId,
            [.. ticket.Tags.Select(t => t.Tag.Name).Order()], [.. ticket.Causes.Select(c => c.Cause.Code).Order()],
            new Dictionary<string, string>(ticket.CustomFields),
            ticket.CreatedAt, ticket.UpdatedAt, ticket.FirstResponseAt, ticket.SolvedAt, ticket.ClosedAt, MergedIntoNumber: null, ticket.Version,
            [.. ticket.Messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => new MessageView(
                m.Id, m.Direction, m.Kind, m.Kind == MessageKind.Note, View(m.Author), m.Text, m.Html, m.DeliveryStatus, m.DeliveryError, m.CreatedAt,
                [.. m.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size))]))],
            [.. ticket.Events.OrderBy(e => e.Id).Select(e => new EventView(e.Id, e.Type, View(e.Actor), new EventData(e.Data), e.CreatedAt))]);
    }

    /// <summary>
    /// The names of the ticket's actors other than its customer. Usually that is only whoever called the API: an API
    /// token's name never changes, so the one its sign-in carries is current; an agent's is read (it may have changed
    /// since the agent signed in).
    /// </summary>
    public static async Task<PartyNames> NamesAsync(Ticket ticket, long customerId, Actor caller, string? tokenName, KalingaDb db, Parties parties, CancellationToken ct)
    {
        var others = ticket.Events.Select(e => e.Actor).Concat(ticket.Messages.Select(m => m.Author))
            .Where(a => a.Id is not null && a != Actor.Customer(customerId)).Distinct().ToList();
        if (others.Count == 0)
        {
            return new PartyNames(new Dictionary<Actor, string>());
        }

        if (others.Count == 1 && others[0] == caller)
        {
            if (caller.Kind == ActorKind.ApiToken && tokenName is not null)
            {
                return new PartyNames(new Dictionary<Actor, string> { [caller] = tokenName });
            }

            if (caller.Kind == ActorKind.Agent)
            {
                var name = await db.Agents.Where(a => a.Id == caller.Id).Select(a => a.Name).SingleOrDefaultAsync(ct);
                return new PartyNames(name is null ? new Dictionary<Actor, string>() : new Dictionary<Actor, string> { [caller] = name });
            }
        }

        return await parties.NamesAsync(others, ct);
    }
}
