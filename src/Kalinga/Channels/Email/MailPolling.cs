using Kalinga.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kalinga.Channels.Email;

/// <summary>
/// The background worker that keeps every enabled IMAP and POP3 mailbox read. Each mailbox runs in its own session
/// under a lease, so with several nodes each mailbox is read by exactly one; a session that fails is recorded on
/// the mailbox health and started again on the next scan. Tests switch workers off and call the pollers directly.
/// </summary>
public sealed partial class MailPolling(
    IServiceScopeFactory scopes, ImapPoller imap, Pop3Poller pop3, IOptions<KalingaOptions> kalinga, IOptions<EmailOptions> options,
    TimeProvider clock, ILogger<MailPolling> logger) : BackgroundService
{
    private readonly string node = kalinga.Value.ResolvedNodeName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!kalinga.Value.RunWorkers)
        {
            return;
        }

        var sessions = new Dictionary<long, Task>();
        var scan = TimeSpan.FromTicks(Math.Clamp(options.Value.PollInterval.Ticks, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromSeconds(30).Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // A mailbox whose OAuth2 refresh failed waits for its retry time instead of failing again every scan.
                var now = clock.GetUtcNow().UtcDateTime;
                var mailboxes = await scope.ServiceProvider.GetRequiredService<KalingaDb>().Mailboxes.AsNoTracking()
                    .Where(m => m.Enabled && m.InboundProtocol != InboundProtocol.None && (m.InboundOAuth.RetryAt == null || m.InboundOAuth.RetryAt <= now))
                    .Select(m => new { m.Id, m.InboundProtocol }).ToListAsync(stoppingToken);
                foreach (var mailbox in mailboxes.Where(m => !sessions.TryGetValue(m.Id, out var running) || running.IsCompleted))
                {
                    sessions[mailbox.Id] = Task.Run(() => RunSessionAsync(mailbox.Id, mailbox.InboundProtocol, stoppingToken), stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogScanFailed(logger, ex);
            }

            await Task.Delay(scan, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await Task.WhenAll(sessions.Values).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task RunSessionAsync(long mailboxId, InboundProtocol protocol, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        try
        {
            if (!await MailboxLease.TryClaimAsync(db, mailboxId, node, clock.GetUtcNow().UtcDateTime, ct))
            {
                return;
            }

            try
            {
                await (protocol == InboundProtocol.Imap ? imap.RunAsync(mailboxId, node, ct) : pop3.RunAsync(mailboxId, node, ct));
            }
            finally
            {
                await MailboxLease.ReleaseAsync(db, mailboxId, node, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogSessionFailed(logger, ex, mailboxId);
            await MailboxHealth.FetchFailedAsync(db, mailboxId, MailConnections.Describe(ex), clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scanning mailboxes failed; retrying")]
    private static partial void LogScanFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {MailboxId} session failed; it restarts on the next scan")]
    private static partial void LogSessionFailed(ILogger logger, Exception ex, long mailboxId);
}
