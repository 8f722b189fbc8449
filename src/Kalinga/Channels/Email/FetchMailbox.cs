using Kalinga.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kalinga.Channels.Email;

public sealed record FetchResult(bool Fetched, int Committed, string? Error);

/// <summary>
/// One fetch pass on demand ("check now" for admins, and how tests drive the pollers): it takes the mailbox's lease
/// like the worker does, so it never reads a mailbox that another node is reading, and records errors on the health.
/// </summary>
public sealed class FetchMailbox(KalingaDb db, ImapPoller imap, Pop3Poller pop3, IOptions<KalingaOptions> kalinga, TimeProvider clock)
{
    public async Task<FetchResult?> HandleAsync(long mailboxId, CancellationToken ct)
    {
        var protocol = await db.Mailboxes.Where(m => m.Id == mailboxId).Select(m => (InboundProtocol?)m.InboundProtocol).SingleOrDefaultAsync(ct);
        if (protocol is null)
        {
            return null;
        }

        if (protocol == InboundProtocol.None)
        {
            throw new RuleException("inbound", new LocalText("Adm3_Problem.NoInbound"));
        }

        // Asked by a person: a mailbox waiting after failed OAuth2 refreshes tries again now.
        await OAuthTokens.RetryNowAsync(db, mailboxId, ct);
        var node = kalinga.Value.ResolvedNodeName;
        if (!await MailboxLease.TryClaimAsync(db, mailboxId, node, clock.GetUtcNow().UtcDateTime, ct))
        {
            return new FetchResult(false, 0, "Another node is reading this mailbox right now, or it is disabled.");
        }

        try
        {
            var committed = await (protocol == InboundProtocol.Imap ? imap.FetchOnceAsync(mailboxId, ct) : pop3.FetchOnceAsync(mailboxId, ct));
            return new FetchResult(true, committed, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = MailConnections.Describe(e);
            await MailboxHealth.FetchFailedAsync(db, mailboxId, error, clock.GetUtcNow().UtcDateTime, ct);
            return new FetchResult(true, 0, error);
        }
        finally
        {
            await MailboxLease.ReleaseAsync(db, mailboxId, node, CancellationToken.None);
        }
    }
}
