using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kalinga.Data;

/// <summary>
/// Lets one SQLite write transaction of this process at a time begin, and the next one begin the moment it ends.
/// </summary>
/// <remarks>
/// SQLite has one writer. A transaction begins with BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), and one that
/// finds the lock taken waits in SQLite's busy handler, which sleeps 1, 2, 5, 10, 15, 20, 25 … 100 ms between tries:
/// with 16 clients creating tickets, writers slept well past the moment the lock came free and the two cores stayed
/// half idle (see docs/performance.md). Here they queue on a semaphore instead and wake as soon as the previous
/// transaction commits or rolls back. Writes outside an explicit transaction, and other processes, still meet the busy
/// handler. The gate is released on commit, rollback or failure, when the connection closes, and, for a transaction
/// disposed without a commit or rollback on a connection that stays open (which EF reports to no interceptor), within
/// 50 ms by a sweep that sees the transaction has ended. A wait longer than five seconds goes on without the gate (to
/// SQLite's own busy handling), so a transaction begun inside another on a second connection is not stuck here.
/// </remarks>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    // Before Instance: static fields are initialized in the order they are written, and the constructor reads these.
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Sweep = TimeSpan.FromMilliseconds(50);

    public static readonly SqliteWriteGate Instance = new();

    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Holder> held = new();
    private readonly Timer sweeper;

    private SqliteWriteGate() => sweeper = new Timer(_ => ReclaimEnded(), null, Sweep, Sweep);

    /// <summary>Stops the sweep; the shared instance lives as long as the process.</summary>
    public void Dispose() => sweeper.Dispose();

    // The gate begins the transaction itself: a BEGIN that fails or is cancelled (a client that hung up) reports no
    // transaction end to interceptors, so only here can the gate be given back for it.
    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        var gate = GateOf(connection);
        var entered = gate.Wait(MaxWait);
        try
        {
            var transaction = connection.BeginTransaction(eventData.IsolationLevel);
            if (entered)
            {
                Hold(eventData.ConnectionId, gate, transaction);
            }

            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            if (entered)
            {
                gate.Release();
            }

            throw;
        }
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var gate = GateOf(connection);
        var entered = await gate.WaitAsync(MaxWait, cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken);
            if (entered)
            {
                Hold(eventData.ConnectionId, gate, transaction);
            }

            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            if (entered)
            {
                gate.Release();
            }

            throw;
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    private SemaphoreSlim GateOf(DbConnection connection) => gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));

    private void Hold(Guid connection, SemaphoreSlim gate, DbTransaction transaction)
    {
        if (!held.TryAdd(connection, new Holder(gate, transaction)))
        {
            gate.Release();
        }
    }

    private void Release(Guid connection)
    {
        if (held.TryRemove(connection, out var holder))
        {
            holder.Gate.Release();
        }
    }

    // A transaction EF disposes without a commit or rollback (a request cut off mid-transaction) is rolled back by
    // Microsoft.Data.Sqlite, which leaves it without a connection, but EF tells interceptors nothing of it, and when the
    // context keeps its connection open no close comes either. Every 50 ms such holders give their gate back here.
    private void ReclaimEnded()
    {
        foreach (var (connection, holder) in held)
        {
            if (holder.Transaction.Connection is null && held.TryRemove(new KeyValuePair<Guid, Holder>(connection, holder)))
            {
                holder.Gate.Release();
            }
        }
    }

    private sealed record Holder(SemaphoreSlim Gate, DbTransaction Transaction);
}
