using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Data;

/// <summary>
/// SQLite only: a few open read-only connections that keep the statements of the hottest reads prepared. Microsoft.Data
/// .Sqlite prepares a command's SQL again on every execution of a new command, and frees the prepared statements when
/// a pooled connection is closed, so an EF query or a plain command on the context's connection pays SQLite's parser
/// and planner on every request; for the ticket read that was a fifth of its CPU (see docs/performance.md). A statement
/// prepared once here is only reset and re-bound. Each execution still starts its own read transaction, so it sees every
/// commit made before it, as a fresh statement would; a schema change makes SQLite prepare it again by itself.
/// </summary>
/// <remarks>
/// A connection is leased to one caller at a time. Up to 32 stay open (each with its own page cache, at most 2 MB);
/// further ones are closed when returned. The connections are not pooled by Microsoft.Data.Sqlite, so their
/// <c>query_only</c> setting never reaches the connections EF writes with.
/// </remarks>
public sealed class PreparedReads : IDisposable
{
    private readonly ConcurrentBag<Lease> idle = [];
    // Enough for every request in flight at once under load (the bench runs 16 clients on two cores): a connection
    // closed on return has to be opened and its statements prepared again by the next request that finds none idle.
    private const int Keep = 32;
    private string? connectionString;
    private bool disposed;

    /// <summary>Takes an idle connection or opens one to the database that <paramref name="db"/> uses.</summary>
    public async Task<Lease> RentAsync(KalingaDb db, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed), this);
        if (idle.TryTake(out var lease))
        {
            return lease;
        }

        connectionString ??= new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA query_only = ON; PRAGMA busy_timeout = 30000;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new Lease(this, connection);
    }

    private void Return(Lease lease)
    {
        if (Volatile.Read(ref disposed) || idle.Count >= Keep)
        {
            lease.Close();
            return;
        }

        idle.Add(lease);

        // Disposed while this lease was being returned: do not leave it open.
        if (Volatile.Read(ref disposed) && idle.TryTake(out var late))
        {
            late.Close();
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref disposed, true);
        while (idle.TryTake(out var lease))
        {
            lease.Close();
        }
    }

    /// <summary>One connection and its prepared commands, each with a single 64-bit parameter.</summary>
    public sealed class Lease(PreparedReads owner, SqliteConnection connection)
    {
        private readonly Dictionary<string, SqliteCommand> commands = [];

        /// <summary>The command for <paramref name="sql"/>, prepared on first use, with <paramref name="parameter"/> set to <paramref name="value"/>.</summary>
        public DbCommand Command(string sql, string parameter, long value)
        {
            if (!commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                command.Parameters.Add(parameter, SqliteType.Integer);
                command.Prepare();
                commands[sql] = command;
            }

            command.Parameters[0].Value = value;
            return command;
        }

        /// <summary>Gives the connection back for the next caller; a lease whose use failed is closed instead.</summary>
        public void Release(bool healthy)
        {
            if (healthy)
            {
                owner.Return(this);
            }
            else
            {
                Close();
            }
        }

        internal void Close()
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            commands.Clear();
            connection.Dispose();
        }
    }
}
