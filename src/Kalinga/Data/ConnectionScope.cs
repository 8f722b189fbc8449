using Microsoft.EntityFrameworkCore;

namespace Kalinga.Data;

/// <summary>
/// Keeps the context's connection open across the several queries of one use case. EF otherwise opens and closes it
/// around every query, and on SQLite each open re-registers EF's SQL functions on the pooled connection, which
/// cost more than a short query itself (see docs/performance.md).
/// </summary>
public sealed class ConnectionScope : IAsyncDisposable
{
    private readonly KalingaDb db;

    private ConnectionScope(KalingaDb db) => this.db = db;

    public static async Task<ConnectionScope> OpenAsync(KalingaDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new ConnectionScope(db);
    }

    public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
}
