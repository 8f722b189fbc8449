using Kalinga.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kalinga.Tests.Infrastructure;

/// <summary>
/// The engine under test, from <c>KALINGA_TEST_DATABASE</c> (sqlite, the default, or postgres with
/// <c>KALINGA_TEST_POSTGRES</c> as the server's connection string). The schema is migrated once into a template;
/// every test class then gets its own copy: a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string Run = $"{Environment.ProcessId}_{Guid.NewGuid():N}"[..16];
    private static string? template;

    public static DatabaseProvider Provider { get; } =
        (Environment.GetEnvironmentVariable("KALINGA_TEST_DATABASE") ?? "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException($"KALINGA_TEST_DATABASE='{other}': use sqlite or postgres."),
        };

    public static string Root { get; } = Directory.CreateTempSubdirectory("kalinga-tests-").FullName;

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("KALINGA_TEST_POSTGRES")
        ?? throw new InvalidOperationException("KALINGA_TEST_DATABASE=postgres needs KALINGA_TEST_POSTGRES (see scripts/test-services.sh env).");

    /// <summary>A fresh, migrated database for one test class; returns its connection string.</summary>
    public static async Task<string> CreateAsync(string name)
    {
        await EnsureTemplateAsync();
        var id = $"{name.ToLowerInvariant()[..Math.Min(name.Length, 20)]}_{Guid.NewGuid():N}";
        if (Provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Root, id + ".db");
            File.Copy(template!, path);
            return new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        }

        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"k_{id}\" TEMPLATE \"{template}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = $"k_{id}" }.ToString();
    }

    public static async Task DropAsync(string connectionString)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A context on any connection string of the engine under test, for tests that look below the API.</summary>
    public static KalingaDb Open(string connectionString) => Provider == DatabaseProvider.Sqlite
        ? new SqliteKalingaDb(new DbContextOptionsBuilder<SqliteKalingaDb>()
            .UseSqlite(connectionString, s => s.MigrationsHistoryTable("__Migrations")).AddInterceptors(SqlitePragmas.Instance).Options)
        : new PostgresKalingaDb(new DbContextOptionsBuilder<PostgresKalingaDb>()
            .UseNpgsql(connectionString, n => n.MigrationsHistoryTable("__Migrations")).Options);

    private static void DropTemplate(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(PostgresServer);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }

    private static async Task EnsureTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (template is not null)
            {
                return;
            }

            if (Provider == DatabaseProvider.Sqlite)
            {
                var path = Path.Combine(Root, "template.db");
                await using (var db = Open(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
                {
                    await db.Database.MigrateAsync();
                }

                template = path;
                return;
            }

            var name = $"kalinga_template_{Run}";
            await using (var admin = new NpgsqlConnection(PostgresServer))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = false }.ToString();
            await using (var db = Open(cs))
            {
                await db.Database.MigrateAsync();
            }

            template = name;

            // The template outlives every test class; drop it when the test process ends so servers do not collect them.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplate(name);
        }
        finally
        {
            Gate.Release();
        }
    }
}
