using Kalinga.Attachments;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Web;

/// <summary>
/// A signed-in customer's actions on a request: reply (with files; a reply reopens a waiting or solved request) and
/// mark it solved. Only requests the customer may see; anything else is "not found".
/// </summary>
public sealed class RespondFromPortal(KalingaDb db, UploadAttachments upload, TicketFields fields, TimeProvider clock)
{
    public const int MaxText = 20_000;

    public async Task<bool> ReplyAsync(PortalViewer viewer, long number, string? text, IReadOnlyList<IncomingFile> files, CancellationToken ct)
    {
        var ticket = await db.Tickets.VisibleTo(viewer).SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null)
        {
            return false;
        }

        var body = text?.Trim() ?? "";
        if (body.Length > MaxText)
        {
            throw new RuleException("text", Localization.PortalText.Format("Form.TooLong", MaxText));
        }

        if (body.Length == 0 && files.Count == 0)
        {
            throw new RuleException("text", Localization.PortalText.Get("Form.Required"));
        }

        if (ticket.Status == TicketStatus.Closed || ticket.MergedIntoId is not null)
        {
            throw new RuleException("text", Localization.PortalText.Get("Request.Closed"));
        }

        var actor = Actor.Customer(viewer.CustomerId);
        var attachments = files.Count == 0 ? [] : await fields.UnclaimedAttachmentsAsync([.. (await upload.HandleAsync(files, actor, ct)).Select(a => a.Id)], ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = Message.Inbound(MessageKind.Web, actor, body, null, null, now);
        message.Attachments.AddRange(attachments);
        ticket.ReceiveFromCustomer(message, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> MarkSolvedAsync(PortalViewer viewer, long number, CancellationToken ct)
    {
        var ticket = await db.Tickets.VisibleTo(viewer).SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null)
        {
            return false;
        }

        if (ticket.Status is not (TicketStatus.Solved or TicketStatus.Closed))
        {
            ticket.ChangeStatus(TicketStatus.Solved, Actor.Customer(viewer.CustomerId), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
