using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Email;

/// <summary>Writes a mailbox's health in single statements, so a busy mailbox row is never overwritten with stale values.</summary>
public static class MailboxHealth
{
    public static Task FetchedAsync(KalingaDb db, long mailboxId, int waiting, DateTime now, CancellationToken ct) =>
        db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LastFetchAt, now).SetProperty(m => m.MessagesWaiting, waiting).SetProperty(m => m.LastError, (string?)null), ct);

    public static Task FetchFailedAsync(KalingaDb db, long mailboxId, string error, DateTime now, CancellationToken ct) =>
        db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LastError, error).SetProperty(m => m.LastErrorAt, now), ct);

    public static Task SentAsync(KalingaDb db, long mailboxId, DateTime now, CancellationToken ct) =>
        db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LastSentAt, now).SetProperty(m => m.SendFailures, 0), ct);

    public static Task SendFailedAsync(KalingaDb db, long mailboxId, string error, DateTime now, CancellationToken ct) =>
        db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SendFailures, m => m.SendFailures + 1).SetProperty(m => m.LastSendError, error).SetProperty(m => m.LastSendErrorAt, now), ct);
}
