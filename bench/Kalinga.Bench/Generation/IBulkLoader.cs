namespace Kalinga.Bench.Generation;

/// <summary>Writes a generated desk into one engine's database, fast, in the exact form the app reads.</summary>
public interface IBulkLoader : IAsyncDisposable
{
    /// <summary>Prepares a freshly migrated, empty database for bulk writing (drops secondary indexes, relaxes durability).</summary>
    Task BeginAsync();

    Task WriteDeskAsync(DeskRows desk);

    Task WriteAsync(TicketBatch batch);

    /// <summary>Builds the indexes and the full-text index, advances the ticket number, and leaves the database as the app expects it.</summary>
    Task FinishAsync(Plan plan);
}
