using System.IO.Compression;
using System.Text.Json;
using Kalinga.Attachments;
using Kalinga.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Admin;

public sealed record RestoreReport(string Database, int Blobs);

/// <summary>
/// Puts a SQLite backup made by <see cref="Backup"/> back: every blob into the blob store, then the snapshot in place
/// of the database file. Run it with Kalinga stopped; it swaps files a running server has open.
/// </summary>
public sealed class Restore(KalingaDb db, IBlobStore blobs)
{
    /// <summary>How to put back a PostgreSQL backup, which restore does not do itself.</summary>
    private static readonly LocalText PostgresHelp = new("Loc4_Problem.Cli.PostgresRestore");

    public async Task<RestoreReport> HandleAsync(string file, bool force, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            throw new RuleException("restore", PostgresHelp);
        }

        if (!File.Exists(file))
        {
            throw new RuleException("FILE", new LocalText("Loc4_Problem.Cli.NoBackup", file));
        }

        var target = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        if (!force && File.Exists(target) && new FileInfo(target).Length > 0)
        {
            throw new RuleException("--force", new LocalText("Loc4_Problem.Cli.TargetHoldsDatabase", target));
        }

        await using var zip = await ZipFile.OpenReadAsync(file, ct);
        var snapshot = await SnapshotEntryAsync(zip, file, ct);

        // Blobs first: should the restore stop halfway, the old database is still there and extra blobs harm nothing.
        var count = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("blobs/", StringComparison.Ordinal) && !e.FullName.EndsWith('/')))
        {
            // Through the blob store, so each blob lands under the hash of its bytes whatever path the zip gives it.
            await using var content = await entry.OpenAsync(ct);
            var stored = await blobs.PutAsync(content, ct);
            if (stored.Sha256 != Path.GetFileName(entry.FullName))
            {
                throw new RuleException("FILE", new LocalText("Loc4_Problem.Cli.BlobDamaged", entry.FullName, file, stored.Sha256));
            }

            count++;
        }

        var incoming = target + ".restoring";
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            await snapshot.ExtractToFileAsync(incoming, overwrite: true, ct);

            // A write-ahead log left by the old database would be replayed into the restored one and corrupt it.
            SqliteConnection.ClearAllPools();
            File.Delete(target + "-wal");
            File.Delete(target + "-shm");
            File.Move(incoming, target, overwrite: true);
        }
        finally
        {
            File.Delete(incoming);
        }

        return new RestoreReport(target, count);
    }

    private static async Task<ZipArchiveEntry> SnapshotEntryAsync(ZipArchive zip, string file, CancellationToken ct)
    {
        var manifest = zip.GetEntry("manifest.json") ?? throw new RuleException("FILE", new LocalText("Loc4_Problem.Cli.NotABackup", file));
        await using var stream = await manifest.OpenAsync(ct);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        var provider = json.RootElement.GetProperty("provider").GetString();
        if (provider != "sqlite")
        {
            throw new RuleException("FILE", new LocalText("Loc4_Problem.Cli.OtherProviderBackup", file, provider, PostgresHelp));
        }

        var name = json.RootElement.GetProperty("database").GetString() ?? "";
        return zip.GetEntry(name) ?? throw new RuleException("FILE", new LocalText("Loc4_Problem.Cli.MissingDatabase", file, name));
    }
}
