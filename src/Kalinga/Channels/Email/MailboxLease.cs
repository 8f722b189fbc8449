using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Email;

/// <summary>
/// One node reads a mailbox at a time, like the event dispatcher's leases (docs/adr/0003): a conditional UPDATE
/// takes the lease, so on PostgreSQL the row lock decides between nodes and SQLite's single writer does the same.
/// A node that dies holds the lease until it expires; a node restarted under the same name takes it back at once.
/// </summary>
public static class MailboxLease
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(3);

    public static async Task<bool> TryClaimAsync(KalingaDb db, long mailboxId, string node, DateTime now, CancellationToken ct) =>
        await db.Mailboxes
            .Where(m => m.Id == mailboxId && m.Enabled && (m.LeaseOwner == null || m.LeaseOwner == node || m.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, node).SetProperty(m => m.LeaseExpiresAt, now + Duration), ct) == 1;

    /// <summary>Extends the lease while the mailbox is still enabled and its settings unchanged since <paramref name="configuredAt"/>.</summary>
    public static async Task<bool> RenewAsync(KalingaDb db, long mailboxId, string node, DateTime configuredAt, DateTime now, CancellationToken ct) =>
        await db.Mailboxes
            .Where(m => m.Id == mailboxId && m.Enabled && m.LeaseOwner == node && m.UpdatedAt == configuredAt)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseExpiresAt, now + Duration), ct) == 1;

    public static Task ReleaseAsync(KalingaDb db, long mailboxId, string node, CancellationToken ct) =>
        db.Mailboxes.Where(m => m.Id == mailboxId && m.LeaseOwner == node)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpiresAt, (DateTime?)null), ct);
}
