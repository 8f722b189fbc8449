using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Web;

/// <summary>
/// The signed-in customer as the portal's access rule needs them, read fresh on every request so that an agent
/// taking away organization-admin rights takes effect at once.
/// </summary>
public sealed record PortalViewer(long CustomerId, string Name, string Language, long? OrganizationId, bool IsOrganizationAdmin)
{
    public bool SeesOrganization => IsOrganizationAdmin && OrganizationId is not null;

    public static async Task<PortalViewer?> LoadAsync(KalingaDb db, long customerId, CancellationToken ct) =>
        await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId && c.MergedIntoId == null)
            .Select(c => new PortalViewer(c.Id, c.Name, c.Language, c.OrganizationId, c.IsOrganizationAdmin))
            .SingleOrDefaultAsync(ct);
}

/// <summary>The one rule for what a customer may see: their own tickets, and an organization admin their organization's.</summary>
public static class PortalAccess
{
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, PortalViewer viewer) =>
        viewer.SeesOrganization
            ? tickets.Where(t => t.CustomerId == viewer.CustomerId || t.OrganizationId == viewer.OrganizationId)
            : tickets.Where(t => t.CustomerId == viewer.CustomerId);

    /// <summary>What a customer reads of a conversation: never internal notes, nor Kalinga's own automatic mails.</summary>
    public static IQueryable<Message> PublicOnly(this IQueryable<Message> messages) =>
        messages.Where(m => m.Kind != MessageKind.Note && m.AuthorKind != ActorKind.System);
}
