using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Kalinga.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kalinga.Admin;

/// <summary>
/// Writes one zip: the database (an online SQLite snapshot made with <c>VACUUM INTO</c>, or a <c>pg_dump</c>
/// custom-format dump), every blob, and a manifest. It runs while Kalinga serves; writers are not stopped.
/// </summary>
public sealed class Backup(KalingaDb db, IOptions<KalingaOptions> options, TimeProvider clock)
{
    public async Task WriteAsync(string file, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("kalinga-backup-");
        try
        {
            string dumpName;
            if (db.Database.IsNpgsql())
            {
                dumpName = "kalinga.pgdump";
                await PgDumpAsync(Path.Combine(work.FullName, dumpName), ct);
            }
            else
            {
                dumpName = "kalinga.db";
                var snapshot = Path.Combine(work.FullName, dumpName);
                await db.Database.ExecuteSqlAsync($"VACUUM INTO {snapshot}", ct);
            }

            var temp = file + ".partial";
            File.Delete(temp);
            await using (var zipFile = File.Create(temp))
            await using (var zip = new ZipArchive(zipFile, ZipArchiveMode.Create))
            {
                await zip.CreateEntryFromFileAsync(Path.Combine(work.FullName, dumpName), dumpName, CompressionLevel.Optimal, ct);
                var blobs = Path.Combine(options.Value.DataPath, "blobs");
                if (Directory.Exists(blobs))
                {
                    foreach (var blob in Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories))
                    {
                        var relative = Path.GetRelativePath(blobs, blob).Replace('\\', '/');
                        if (!relative.StartsWith("incoming/", StringComparison.Ordinal))
                        {
                            await zip.CreateEntryFromFileAsync(blob, "blobs/" + relative, CompressionLevel.Fastest, ct);
                        }
                    }
                }

                var manifest = zip.CreateEntry("manifest.json");
                await using var stream = await manifest.OpenAsync(ct);
                var migrations = await db.Database.GetAppliedMigrationsAsync(ct);
                await JsonSerializer.SerializeAsync(stream, new
                {
                    createdAt = clock.GetUtcNow().UtcDateTime,
                    provider = db.Database.IsNpgsql() ? "postgres" : "sqlite",
                    database = dumpName,
                    lastMigration = migrations.LastOrDefault(),
                }, cancellationToken: ct);
            }

            File.Move(temp, file, overwrite: true);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task PgDumpAsync(string target, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var start = new ProcessStartInfo("pg_dump")
        {
            ArgumentList = { "--format=custom", "--no-owner", "--file", target, "--host", cs.Host ?? "localhost", "--port", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", cs.Username ?? "postgres", cs.Database ?? "postgres" },
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (cs.Password is not null)
        {
            start.Environment["PGPASSWORD"] = cs.Password;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("pg_dump was not found on PATH; install the PostgreSQL client tools to back up a PostgreSQL database.", e);
        }

        using (process)
        {
            var errors = await process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pg_dump failed: {errors.Trim()}");
            }
        }
    }
}
