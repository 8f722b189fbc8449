using System.Globalization;
using Kalinga.CustomFields;
using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Web;

/// <summary>"My requests": the customer's tickets (and an organization admin's organization's), open or solved, newest first.</summary>
public sealed class PortalRequests(KalingaDb db)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<PortalRequestSummary>> ListAsync(PortalViewer viewer, bool solved, bool organization, CancellationToken ct)
    {
        var tickets = db.Tickets.AsNoTracking().VisibleTo(viewer).Where(t => t.MergedIntoId == null);
        tickets = organization && viewer.SeesOrganization ? tickets.Where(t => t.CustomerId != viewer.CustomerId) : tickets.Where(t => t.CustomerId == viewer.CustomerId);
        tickets = solved
            ? tickets.Where(t => t.Status == TicketStatus.Solved || t.Status == TicketStatus.Closed)
            : tickets.Where(t => t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed);
        return await tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Take(PageSize)
            .Select(t => new PortalRequestSummary(t.Number, t.Subject, t.Status,
                db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Name).First(), t.CustomerId == viewer.CustomerId, t.CreatedAt, t.UpdatedAt))
            .ToListAsync(ct);
    }

    /// <summary>One request with its public conversation; null when it does not exist or is not the viewer's to see.</summary>
    public async Task<PortalRequest?> GetAsync(PortalViewer viewer, long number, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(viewer).Where(t => t.Number == number)
            .Select(t => new
            {
                Ticket = t,
                Reason = db.ContactReasons.Where(r => r.Id == t.ReasonId).Select(r => r.Code).First(),
                Requester = db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Name).First(),
                MergedInto = db.Tickets.Where(m => m.Id == t.MergedIntoId).Select(m => (long?)m.Number).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (ticket is null)
        {
            return null;
        }

        var t = ticket.Ticket;
        var messages = await db.Messages.AsNoTracking().Where(m => m.TicketId == t.Id).PublicOnly()
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Include(m => m.Attachments).ToListAsync(ct);
        var agentIds = messages.Where(m => m.AuthorKind == ActorKind.Agent && m.AuthorId != null).Select(m => m.AuthorId!.Value).Distinct().ToList();
        var customerIds = messages.Where(m => m.AuthorKind == ActorKind.Customer && m.AuthorId != null).Select(m => m.AuthorId!.Value).Distinct().ToList();
        var agents = await db.Agents.Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var customers = await db.Customers.Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new PortalRequest(
            t.Number, t.Subject, t.Status, ticket.Reason, ticket.Requester, t.CustomerId == viewer.CustomerId, await FieldsAsync(t.CustomFields, ct),
            t.CreatedAt, t.UpdatedAt, ticket.MergedInto,
            [.. messages.Select(m => new PortalMessage(
                m.Id, m.Direction == MessageDirection.In,
                (m.AuthorKind == ActorKind.Agent ? agents : customers).GetValueOrDefault(m.AuthorId ?? 0) ?? "",
                m.Text, m.Html, m.CreatedAt,
                [.. m.Attachments.OrderBy(a => a.Id).Select(a => new PortalAttachment(a.Id, a.FileName, a.ContentType, a.Size))]))]);
    }

    /// <summary>The request's values of the fields customers fill in, in the admins' order and the page's language.</summary>
    private async Task<IReadOnlyList<PortalField>> FieldsAsync(Dictionary<string, string> values, CancellationToken ct)
    {
        if (values.Count == 0)
        {
            return [];
        }

        var language = Languages.Normalize(CultureInfo.CurrentUICulture.Name) ?? Languages.Default;
        var fields = await db.CustomFields.AsNoTracking().Where(f => f.CustomerVisible).OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(ct);
        return [.. fields.Where(f => values.ContainsKey(f.Key)).Select(f => new PortalField(f.Key, f.Label(language), Shown(f, values[f.Key], language)))];
    }

    private static string Shown(CustomFieldDefinition field, string value, string language) => field.Type switch
    {
        CustomFieldType.Dropdown => field.OptionLabel(value, language),
        CustomFieldType.Checkbox => PortalText.Get(value == "true" ? "Request.Yes" : "Request.No"),
        CustomFieldType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
            date.ToString("d", CultureInfo.CurrentCulture),
        _ => value,
    };

    /// <summary>An attachment of a public message on a request the viewer may see; null otherwise.</summary>
    public async Task<Attachments.Attachment?> AttachmentAsync(PortalViewer viewer, long number, long attachmentId, CancellationToken ct) =>
        await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && db.Messages.PublicOnly().Any(m => m.Id == a.MessageId
                && db.Tickets.VisibleTo(viewer).Any(t => t.Id == m.TicketId && t.Number == number)))
            .SingleOrDefaultAsync(ct);
}
