using Kalinga.Data;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kalinga.Channels.Email;

/// <summary>
/// Reads an IMAP folder. New messages are found by UID above the last one committed (RFC 3501 §2.3.1.1, checked
/// against UIDVALIDITY), fetched with BODY.PEEK so the server does not mark them read, committed, and only then
/// flagged \Seen or moved to the processed folder. A crash anywhere repeats at most the last message, which the
/// intake recognises by its Message-ID. Between passes the session waits in IDLE (RFC 2177) or polls.
/// </summary>
public sealed class ImapPoller(IServiceScopeFactory scopes, PoisonGuard guard, MailConnections connections, IOptions<EmailOptions> options, TimeProvider clock)
{
    /// <summary>One pass over the mailbox; the caller holds the lease. Returns how many messages were committed.</summary>
    public async Task<int> FetchOnceAsync(long mailboxId, CancellationToken ct)
    {
        var mailbox = await LoadAsync(mailboxId, ct);
        using var client = await ConnectAsync(mailbox, ct);
        var folder = await OpenAsync(client, mailbox, ct);
        var (done, _) = await PassAsync(client, folder, mailbox, ct);
        await client.DisconnectAsync(quit: true, ct);
        return done;
    }

    /// <summary>Stays connected and keeps the folder in sync until cancelled or until the lease is lost or the settings change.</summary>
    public async Task RunAsync(long mailboxId, string node, CancellationToken ct)
    {
        var mailbox = await LoadAsync(mailboxId, ct);
        using var client = await ConnectAsync(mailbox, ct);
        var folder = await OpenAsync(client, mailbox, ct);
        while (!ct.IsCancellationRequested)
        {
            var (_, waiting) = await PassAsync(client, folder, mailbox, ct);
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
                if (!await MailboxLease.RenewAsync(db, mailboxId, node, mailbox.UpdatedAt, clock.GetUtcNow().UtcDateTime, ct))
                {
                    break;
                }
            }

            if (waiting == 0)
            {
                await WaitForMailAsync(client, folder, ct);
            }
        }

        await client.DisconnectAsync(quit: true, CancellationToken.None);
    }

    private async Task<(int Done, int Waiting)> PassAsync(ImapClient client, IMailFolder folder, Mailbox mailbox, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        var state = await db.Mailboxes.AsNoTracking().Where(m => m.Id == mailbox.Id).Select(m => new { m.ImapUidValidity, m.ImapLastUid }).SingleAsync(ct);
        IList<UniqueId> found;
        var lastUid = state.ImapLastUid;
        if (state.ImapUidValidity != folder.UidValidity)
        {
            // Stored UIDs mean nothing under a new UIDVALIDITY: start over from the unread messages (and, the very
            // first time, leave alone what people had read before Kalinga was connected). Anything stored already
            // is recognised by its Message-ID.
            found = await folder.SearchAsync(SearchQuery.NotSeen, ct);
            lastUid = 0;
            await db.Mailboxes.Where(m => m.Id == mailbox.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ImapUidValidity, folder.UidValidity).SetProperty(m => m.ImapLastUid, 0), ct);
        }
        else
        {
            // "n:*" always includes the highest UID even when it is below n (RFC 3501 §6.4.8), hence the filter.
            found = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)Math.Min(lastUid + 1, uint.MaxValue)), UniqueId.MaxValue)), ct);
        }

        var fresh = found.Where(u => u.Id > lastUid).OrderBy(u => u.Id).ToList();
        var batch = fresh.Take(options.Value.BatchSize).ToList();
        var source = new IntakeSource("imap", mailbox.Id);
        var processed = mailbox.ProcessedFolder is { Length: > 0 } name && batch.Count > 0 ? await client.GetFolderAsync(name, ct) : null;
        foreach (var uid in batch)
        {
            byte[] raw;
            try
            {
                using var stream = await folder.GetStreamAsync(uid, ct);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                raw = buffer.ToArray();
            }
            catch (MessageNotFoundException)
            {
                continue;
            }

            await guard.IntakeAsync(raw, source, $"imap:{mailbox.Id}:{folder.UidValidity}:{uid.Id}", ct);
            if (processed is not null)
            {
                await folder.MoveToAsync(uid, processed, ct);
            }
            else
            {
                await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
            }

            await db.Mailboxes.Where(m => m.Id == mailbox.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ImapLastUid, (long)uid.Id), ct);
        }

        var waiting = fresh.Count - batch.Count;
        await MailboxHealth.FetchedAsync(db, mailbox.Id, waiting, clock.GetUtcNow().UtcDateTime, ct);
        return (batch.Count, waiting);
    }

    private async Task WaitForMailAsync(ImapClient client, IMailFolder folder, CancellationToken ct)
    {
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await Task.Delay(options.Value.PollInterval, clock, ct);
            return;
        }

        // IDLE ends when the folder reports new messages or after the poll interval (RFC 2177 asks to re-issue it
        // well within 29 minutes); either way the loop renews the lease and looks again.
        using var done = new CancellationTokenSource(options.Value.PollInterval, clock);
        void OnCountChanged(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += OnCountChanged;
        try
        {
            await client.IdleAsync(done.Token, ct);
        }
        finally
        {
            folder.CountChanged -= OnCountChanged;
        }
    }

    private async Task<Mailbox> LoadAsync(long mailboxId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KalingaDb>().Mailboxes.AsNoTracking().SingleAsync(m => m.Id == mailboxId, ct);
    }

    private async Task<ImapClient> ConnectAsync(Mailbox mailbox, CancellationToken ct)
    {
        var client = new ImapClient();
        try
        {
            await connections.ConnectAsync(client, mailbox, MailSide.Inbound, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<IMailFolder> OpenAsync(ImapClient client, Mailbox mailbox, CancellationToken ct)
    {
        var folder = mailbox.Folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(mailbox.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        return folder;
    }
}
