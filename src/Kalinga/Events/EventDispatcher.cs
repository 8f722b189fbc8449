using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kalinga.Events;

/// <summary>
/// Delivers committed events to the handlers. A batch is claimed with a lease, so several nodes can run
/// dispatchers on one database without delivering an event twice, and an event whose node died is picked up
/// again once its lease runs out. Failures are retried with backoff; after <see cref="MaxAttempts"/> the event
/// is set aside with its last error (visible at <c>GET /api/v1/events/failed</c>).
/// A batch is one unit: the cached settings are checked once before it, a per-ticket handler runs once per ticket in
/// it (see <see cref="ITicketEventHandler.PerTicket"/>), or once for all its tickets (see <see cref="ITicketBatchHandler"/>),
/// and the delivery records of all its events are saved together.
/// A crash mid-batch delivers the batch again after the lease, which at-least-once handlers are built for.
/// </summary>
public sealed partial class EventDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<ITicketEventHandler> handlers,
    SettingsCache settings,
    TimeProvider clock,
    IOptions<KalingaOptions> options,
    ILogger<EventDispatcher> logger)
{
    public const int MaxAttempts = 10;
    private const int BatchSize = 100;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private readonly ITicketEventHandler[] handlers = [.. handlers];
    private readonly string owner = options.Value.ResolvedNodeName;

    /// <summary>Claims and delivers one batch; returns how many events it took. Tests call it to drive delivery.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct) => await RunOnceAsync(owner, ct);

    internal async Task<int> RunOnceAsync(string node, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        var claimed = await ClaimAsync(db, node, ct);
        if (claimed.Count == 0)
        {
            return 0;
        }

        await settings.RefreshAsync(db, ct);
        var events = await db.Events.AsNoTracking().Where(e => claimed.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct);
        var covered = await CoverTicketsAsync(events, ct);
        var delivered = new List<TicketEvent>();
        foreach (var e in events)
        {
            if (await DeliverAsync(e, covered, ct))
            {
                delivered.Add(e);
            }
            else
            {
                db.Events.Update(e);
            }
        }

        // Delivered events differ only in which handlers took them, so one UPDATE per set of handlers records them
        // all; events that failed keep their own attempt count, error and next attempt.
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var group in delivered.GroupBy(e => e.CompletedHandlers))
        {
            var ids = group.Select(e => e.Id).ToList();
            await db.Events.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.CompletedHandlers, group.Key)
                .SetProperty(e => e.DispatchedAt, now)
                .SetProperty(e => e.LastError, (string?)null)
                .SetProperty(e => e.LeaseOwner, (string?)null)
                .SetProperty(e => e.LeaseExpiresAt, (DateTime?)null), ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return events.Count;
    }

    private async Task<List<long>> ClaimAsync(KalingaDb db, string node, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;

        // The same statement on both engines; PostgreSQL adds SKIP LOCKED so concurrent nodes take
        // different rows instead of waiting on each other. SQLite serializes writers, which gives the same.
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE "Events" SET "LeaseOwner" = {0}, "LeaseExpiresAt" = {1}
            WHERE "Id" IN (
                SELECT "Id" FROM "Events"
                WHERE "DispatchedAt" IS NULL AND "NextAttemptAt" <= {2}
                  AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {2})
                ORDER BY "NextAttemptAt", "Id" LIMIT {{BatchSize}} {{skipLocked}})
            RETURNING "Id" AS "Value"
            """;
        return await db.Database.SqlQueryRaw<long>(sql, node, until, now).ToListAsync(ct);
    }

    /// <summary>
    /// Runs each batch handler once for all the tickets of the batch whose events it still has to take, before the
    /// events are walked; the walk then skips those. If the call fails, nothing is covered and the walk calls the
    /// handler ticket by ticket, so the error lands on the events of the ticket that caused it.
    /// </summary>
    private async Task<HashSet<(string Handler, long Ticket)>> CoverTicketsAsync(List<TicketEvent> events, CancellationToken ct)
    {
        var covered = new HashSet<(string Handler, long Ticket)>();
        foreach (var handler in handlers.OfType<ITicketBatchHandler>())
        {
            var tickets = events
                .Where(e => e.TicketId is not null && !Completed(e).Contains(handler.Name) && handler.Handles(e))
                .Select(e => e.TicketId!.Value).Distinct().ToList();
            if (tickets.Count < 2)
            {
                continue;
            }

            try
            {
                await handler.HandleTicketsAsync(tickets, ct);
                covered.UnionWith(tickets.Select(t => (handler.Name, t)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogBatchFailed(logger, ex, handler.Name, tickets.Count);
            }
        }

        return covered;
    }

    private static HashSet<string> Completed(TicketEvent e) => e.CompletedHandlers.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

    /// <summary>Runs the handlers the event still needs; true when all of them succeeded.</summary>
    private async Task<bool> DeliverAsync(TicketEvent e, HashSet<(string Handler, long Ticket)> covered, CancellationToken ct)
    {
        var done = Completed(e);
        string? error = null;
        foreach (var handler in handlers.Where(h => !done.Contains(h.Name) && h.Handles(e)))
        {
            // The batch's events were all committed before it was claimed, so a per-ticket handler that already ran
            // for this ticket in this batch saw the state this event left; running it again would redo the same work.
            var perTicket = handler.PerTicket && e.TicketId is { } ticket ? (handler.Name, ticket) : default;
            if (perTicket != default && covered.Contains(perTicket))
            {
                done.Add(handler.Name);
                continue;
            }

            try
            {
                await handler.HandleAsync(e, ct);
                done.Add(handler.Name);
                if (perTicket != default)
                {
                    covered.Add(perTicket);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogHandlerFailed(logger, ex, handler.Name, e.Id, e.Type);
                error = $"{handler.Name}: {ex.Message}";
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        e.CompletedHandlers = string.Join(',', done.Order());
        e.LeaseOwner = null;
        e.LeaseExpiresAt = null;
        if (error is null)
        {
            e.DispatchedAt = now;
            e.LastError = null;
            return true;
        }

        e.Attempts++;
        e.LastError = error.Length > 2000 ? error[..2000] : error;
        if (e.Attempts >= MaxAttempts)
        {
            e.DispatchedAt = now;
        }
        else
        {
            e.NextAttemptAt = now + Backoff(e.Attempts);
        }

        return false;
    }

    /// <summary>10 s, 20 s, 40 s … capped at one hour.</summary>
    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, attempts - 1)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler {Handler} failed on a batch of {Tickets} tickets; each ticket is tried alone")]
    private static partial void LogBatchFailed(ILogger logger, Exception ex, string handler, int tickets);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler {Handler} failed on event {EventId} ({Type})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception ex, string handler, long eventId, string type);
}
