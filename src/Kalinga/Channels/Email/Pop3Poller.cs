using Kalinga.Data;
using MailKit.Net.Pop3;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kalinga.Channels.Email;

/// <summary>
/// Reads a POP3 maildrop. POP3 has no flags, so each committed message is remembered by its UIDL (RFC 1939 §7)
/// and skipped next time. With delete-after-fetch, a message is marked for deletion only after it was committed,
/// and the server deletes nothing before QUIT (RFC 1939 §6): a dropped connection keeps everything.
/// </summary>
public sealed class Pop3Poller(IServiceScopeFactory scopes, PoisonGuard guard, MailConnections connections, IOptions<EmailOptions> options, TimeProvider clock)
{
    /// <summary>One session: connect, fetch what is new, QUIT. The caller holds the lease. Returns how many messages were committed.</summary>
    public async Task<int> FetchOnceAsync(long mailboxId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        var mailbox = await db.Mailboxes.AsNoTracking().SingleAsync(m => m.Id == mailboxId, ct);
        using var client = new Pop3Client();
        await connections.ConnectAsync(client, mailbox, MailSide.Inbound, ct);
        if (!client.Capabilities.HasFlag(Pop3Capabilities.UIDL))
        {
            throw new InvalidOperationException("The POP3 server does not support UIDL (RFC 1939 §7); without it Kalinga cannot tell fetched messages from new ones.");
        }

        var uids = await client.GetMessageUidsAsync(ct);
        var seen = (await db.Pop3Seen.Where(p => p.MailboxId == mailboxId).Select(p => p.Uidl).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = uids.Select((uid, index) => (Uid: uid, Index: index)).Where(m => !seen.Contains(m.Uid)).ToList();
        var batch = fresh.Take(options.Value.BatchSize).ToList();
        var source = new IntakeSource("pop3", mailboxId);
        foreach (var (uid, index) in batch)
        {
            using var buffer = new MemoryStream();
            using (var stream = await client.GetStreamAsync(index, headersOnly: false, ct))
            {
                await stream.CopyToAsync(buffer, ct);
            }

            await guard.IntakeAsync(buffer.ToArray(), source, $"pop3:{mailboxId}:{uid}", ct);
            db.Pop3Seen.Add(new Pop3Seen(mailboxId, uid.Length > 70 ? uid[..70] : uid, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            if (mailbox.DeleteAfterFetch)
            {
                await client.DeleteMessageAsync(index, ct);
            }
        }

        // Forget UIDLs of messages no longer on the server, so the table does not grow forever.
        var present = uids.ToHashSet(StringComparer.Ordinal);
        var gone = seen.Where(u => !present.Contains(u)).ToList();
        if (gone.Count > 0)
        {
            await db.Pop3Seen.Where(p => p.MailboxId == mailboxId && gone.Contains(p.Uidl)).ExecuteDeleteAsync(ct);
        }

        await client.DisconnectAsync(quit: true, ct);
        await MailboxHealth.FetchedAsync(db, mailboxId, fresh.Count - batch.Count, clock.GetUtcNow().UtcDateTime, ct);
        return batch.Count;
    }

    /// <summary>Repeats <see cref="FetchOnceAsync"/> every poll interval while the lease holds and the settings are unchanged.</summary>
    public async Task RunAsync(long mailboxId, string node, CancellationToken ct)
    {
        DateTime configuredAt;
        await using (var scope = scopes.CreateAsyncScope())
        {
            configuredAt = await scope.ServiceProvider.GetRequiredService<KalingaDb>().Mailboxes.Where(m => m.Id == mailboxId).Select(m => m.UpdatedAt).SingleAsync(ct);
        }

        while (!ct.IsCancellationRequested)
        {
            var done = await FetchOnceAsync(mailboxId, ct);
            await using (var scope = scopes.CreateAsyncScope())
            {
                if (!await MailboxLease.RenewAsync(scope.ServiceProvider.GetRequiredService<KalingaDb>(), mailboxId, node, configuredAt, clock.GetUtcNow().UtcDateTime, ct))
                {
                    return;
                }
            }

            if (done < options.Value.BatchSize)
            {
                await Task.Delay(options.Value.PollInterval, clock, ct);
            }
        }
    }
}
