using Kalinga.Bench.Generation;
using Npgsql;

namespace Kalinga.Bench.Databases;

/// <summary>
/// A cached template database <c>kalinga_bench_N_fingerprint</c>; each run gets <c>kalinga_bench_run</c> made from it with
/// <c>CREATE DATABASE … TEMPLATE</c> (a file copy, seconds even at a million tickets).
/// </summary>
public sealed class PostgresBenchDatabase : BenchDatabase
{
    private const string RunDatabase = "kalinga_bench_run";

    private readonly NpgsqlConnectionStringBuilder server;

    public PostgresBenchDatabase(BenchOptions options, string kalingaDll)
        : base(options, kalingaDll)
    {
        server = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = "postgres", Pooling = false };
        Environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Kalinga"] = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = RunDatabase }.ConnectionString,
        };
    }

    public override Engine Engine => Engine.Postgres;

    public override IReadOnlyDictionary<string, string> Environment { get; }

    private string Template => $"kalinga_bench_{Options.Tickets}_{SchemaFingerprint.For(Engine)}";

    public override async Task<TimeSpan> EnsureCachedAsync(Action<string> progress)
    {
        if (await ExistsAsync(Template))
        {
            progress($"cached database {Template}; applying new migrations, if any");
            await MigrateDatabaseAsync(Template);
            return TimeSpan.Zero;
        }

        // Built under another name and renamed when complete, so an interrupted build is never taken for a cache.
        var building = Template + "_partial";
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE \"{building}\"");
        await MigrateDatabaseAsync(building);
        var plan = MakePlan(Options.Tickets);
        TimeSpan took;
        await using (var loader = new PostgresLoader(ConnectionString(building)))
        {
            took = await Generator.FillAsync(plan, loader, progress);
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"ALTER DATABASE \"{building}\" RENAME TO \"{Template}\"");
        return took;
    }

    public override async Task PrepareRunAsync()
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{RunDatabase}\" WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE \"{RunDatabase}\" TEMPLATE \"{Template}\" STRATEGY FILE_COPY");
        if (Directory.Exists(RunDataDirectory))
        {
            Directory.Delete(RunDataDirectory, recursive: true);
        }

        Directory.CreateDirectory(RunDataDirectory);
    }

    /// <summary>With the server's durability settings, which PostgreSQL figures depend on (the test cluster runs without fsync).</summary>
    public override async Task<string> DescribeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString(Template));
        await connection.OpenAsync();
        await using var settings = new NpgsqlCommand(
            "SELECT version(), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('shared_buffers'), pg_database_size(current_database())",
            connection);
        string server;
        await using (var reader = await settings.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            server = $"{reader.GetString(0).Split(" on ")[0]}, fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, " +
                $"shared_buffers={reader.GetString(3)}; {reader.GetInt64(4) / 1e9:0.00} GB database";
        }

        await using var count = new NpgsqlCommand(CountRows, connection);
        await using (var reader = await count.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            return $"{server}; {Counts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5))}";
        }
    }

    public override async Task ExecuteOnRunCopyAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(RunDatabase));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<long> CountOnRunCopyAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(RunDatabase));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task MigrateDatabaseAsync(string database)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("kalinga-bench-migrate-").FullName;
        try
        {
            await MigrateAsync(dataDirectory, new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Kalinga"] = ConnectionString(database),
            });
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Unpooled: a pooled connection left idle on the template would block CREATE DATABASE … TEMPLATE and RENAME.</summary>
    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Options.Postgres) { Database = database, Pooling = false }.ConnectionString;

    private async Task<bool> ExistsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return await command.ExecuteScalarAsync() is not null;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
