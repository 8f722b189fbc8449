using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>
/// Takes a tag out of the vocabulary and off every ticket, in two set-based statements in one transaction.
/// </summary>
/// <remarks>
/// Deliberately no tags_changed event per ticket, although every other ticket change appends one. Deleting a
/// tag is housekeeping of the vocabulary (a typo, a retired campaign), not a decision about any case: one event
/// per ticket would fire "tag removed" rules, webhooks and live updates on thousands of tickets the admin never
/// meant to touch, and would load each ticket to do it. Nothing is lost from the history: the earlier
/// tags_changed events still name the tag, so reports over the past keep it. The admin's act itself belongs in
/// the admin audit trail (AuditEvent), not on the tickets' timelines.
/// </remarks>
public sealed class DeleteTag(KalingaDb db)
{
    public async Task<bool> HandleAsync(string name, CancellationToken ct)
    {
        var normalized = Tag.Normalize(name);
        var tagId = await db.Tags.Where(t => t.Name == normalized).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
        if (tagId is null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.TicketTags.Where(x => x.TagId == tagId).ExecuteDeleteAsync(ct);
        await db.Tags.Where(t => t.Id == tagId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
