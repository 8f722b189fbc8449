using System.Collections.Concurrent;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Configuration;

/// <summary>
/// The settings event handlers read for nearly every event (SLA policies, calendars, trigger rules, team queues), kept
/// in memory between dispatch batches instead of queried per event and handler. The dispatcher calls
/// <see cref="RefreshAsync"/> before each batch: one query reads a fingerprint of those tables (the latest audited
/// configuration change, and each table's row count, highest id and latest update), and any difference drops every
/// copy. So an edit on this node, on another node or by a verb is seen by the next batch, wherever it came from.
/// </summary>
public sealed class SettingsCache
{
    // Plain SQL that reads the same on SQLite and PostgreSQL; CAST(… AS TEXT) makes one comparable string.
    private const string FingerprintSql = """
        SELECT COALESCE(CAST((SELECT max("Id") FROM "ConfigurationChanges") AS TEXT), '-')
            || '/' || CAST((SELECT count(*) FROM "SlaPolicies") AS TEXT) || '/' || COALESCE(CAST((SELECT max("Id") FROM "SlaPolicies") AS TEXT), '-')
            || '/' || COALESCE(CAST((SELECT max("UpdatedAt") FROM "SlaPolicies") AS TEXT), '-')
            || '/' || CAST((SELECT count(*) FROM "BusinessCalendars") AS TEXT) || '/' || COALESCE(CAST((SELECT max("UpdatedAt") FROM "BusinessCalendars") AS TEXT), '-')
            || '/' || CAST((SELECT count(*) FROM "Rules") AS TEXT) || '/' || COALESCE(CAST((SELECT max("Id") FROM "Rules") AS TEXT), '-')
            || '/' || COALESCE(CAST((SELECT max("UpdatedAt") FROM "Rules") AS TEXT), '-')
            || '/' || CAST((SELECT count(*) FROM "TeamQueues") AS TEXT) || '/' || COALESCE(CAST((SELECT max("UpdatedAt") FROM "TeamQueues") AS TEXT), '-')
            AS "Value"
        """;

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> entries = new();
    private string? fingerprint;

    /// <summary>Drops every copy when the settings changed since the last call.</summary>
    public async Task RefreshAsync(KalingaDb db, CancellationToken ct)
    {
        var now = (await db.Database.SqlQueryRaw<string>(FingerprintSql).ToListAsync(ct)).Single();
        if (now != fingerprint)
        {
            entries.Clear();
            fingerprint = now;
        }
    }

    /// <summary>
    /// The copy stored under <paramref name="key"/>, loaded with <paramref name="load"/> the first time. What it holds is
    /// shared between handlers and threads, so callers treat it as read-only (load it with <c>AsNoTracking</c>).
    /// </summary>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load)
        where T : class
    {
        var entry = entries.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await load()));
        try
        {
            return (T)await entry.Value;
        }
        catch
        {
            entries.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, entry));
            throw;
        }
    }
}
