using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Data;

/// <summary>
/// Checkpoints of SQLite's write-ahead log on another thread, for a long run of write transactions (an e-mail import).
/// </summary>
/// <remarks>
/// SQLite copies the log back into the database file inside the commit that takes the log past 1,000 pages, and with
/// synchronous=NORMAL it syncs the database file there: a writer committing batch after batch waits for the disk every
/// batch or two. During such a run the writer turns that automatic checkpoint off for its transactions
/// (<see cref="PauseAutomaticAsync"/>) while this copies the log back on its own connection every
/// <see cref="Interval"/>, in PASSIVE mode, which never blocks the writer or readers. Disposing runs a last checkpoint,
/// so the log the run wrote is back in the database when the run ends. Other engines need none of this: for them
/// <see cref="Start"/> returns null.
/// </remarks>
public sealed partial class BackgroundCheckpoints : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly SqliteConnection connection;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly ILogger logger;

    private BackgroundCheckpoints(string connectionString, ILogger logger)
    {
        connection = new SqliteConnection(connectionString);
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Starts checkpointing the database of <paramref name="db"/>, if it is SQLite.</summary>
    public static BackgroundCheckpoints? Start(KalingaDb db, ILogger logger) =>
        db.Database.IsSqlite() && db.Database.GetConnectionString() is { } connectionString
            ? new BackgroundCheckpoints(connectionString, logger)
            : null;

    /// <summary>
    /// Turns the automatic checkpoint off on <paramref name="db"/>'s connection until <see cref="ResumeAutomaticAsync"/>;
    /// call it inside the transaction, with a <see cref="BackgroundCheckpoints"/> running.
    /// </summary>
    public static Task PauseAutomaticAsync(KalingaDb db, CancellationToken ct) => AutomaticAsync(db, "PRAGMA wal_autocheckpoint = 0", ct);

    /// <summary>Gives the connection back SQLite's automatic checkpoint (every 1,000 pages) before it returns to the pool.</summary>
    public static Task ResumeAutomaticAsync(KalingaDb db, CancellationToken ct) => AutomaticAsync(db, "PRAGMA wal_autocheckpoint = 1000", ct);

    private static async Task AutomaticAsync(KalingaDb db, string pragma, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(pragma, ct);
        }
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await CheckpointAsync();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped; the last checkpoint follows in DisposeAsync.
        }
    }

    // The writer's work never depends on a checkpoint: one that fails (the database busy with another checkpoint, a
    // full disk) is logged and tried again on the next tick, and SQLite's own checkpoint still runs when the last
    // connection closes.
    private async Task CheckpointAsync()
    {
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.OpenAsync(CancellationToken.None);
            }

            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (SqliteException e)
        {
            LogFailed(logger, e.SqliteErrorCode, e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
            await CheckpointAsync();
        }
        finally
        {
            await connection.DisposeAsync();
            stop.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A WAL checkpoint failed (SQLite error {Code}: {Reason}); it is tried again.")]
    private static partial void LogFailed(ILogger logger, int code, string reason);
}
