using Kalinga.Bench.Generation;
using Microsoft.Data.Sqlite;

namespace Kalinga.Bench.Databases;

/// <summary>A cached <c>kalinga.db</c> under <c>artifacts/bench/data/sqlite-N-fingerprint/</c>, copied into the run folder for each run.</summary>
public sealed class SqliteBenchDatabase(BenchOptions options, string kalingaDll) : BenchDatabase(options, kalingaDll)
{
    public override Engine Engine => Engine.Sqlite;

    public override IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__Kalinga"] = "",
    };

    private string CacheDirectory => Path.Combine(Options.WorkDirectory, "data", $"sqlite-{Options.Tickets}-{SchemaFingerprint.For(Engine)}");

    public override async Task<TimeSpan> EnsureCachedAsync(Action<string> progress)
    {
        if (File.Exists(Path.Combine(CacheDirectory, "kalinga.db")))
        {
            progress($"cached database {CacheDirectory}; applying new migrations, if any");
            await MigrateAsync(CacheDirectory, Environment);
            return TimeSpan.Zero;
        }

        var building = CacheDirectory + ".partial";
        if (Directory.Exists(building))
        {
            Directory.Delete(building, recursive: true);
        }

        Directory.CreateDirectory(building);
        await MigrateAsync(building, Environment);
        var plan = MakePlan(Options.Tickets);
        TimeSpan took;
        await using (var loader = new SqliteLoader(Path.Combine(building, "kalinga.db")))
        {
            took = await Generator.FillAsync(plan, loader, progress);
        }

        SqliteConnection.ClearAllPools();
        Directory.Move(building, CacheDirectory);
        return took;
    }

    public override async Task<string> DescribeAsync()
    {
        var file = Path.Combine(CacheDirectory, "kalinga.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = CountRows;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var counts = Counts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
        return $"SQLite {connection.ServerVersion}, WAL, synchronous=NORMAL; {new FileInfo(file).Length / 1e9:0.00} GB file; {counts}";
    }

    public override async Task<long> CountOnRunCopyAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(RunDataDirectory, "kalinga.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override async Task ExecuteOnRunCopyAsync(string sql)
    {
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(RunDataDirectory, "kalinga.db"), Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    public override Task PrepareRunAsync()
    {
        if (Directory.Exists(RunDataDirectory))
        {
            Directory.Delete(RunDataDirectory, recursive: true);
        }

        Directory.CreateDirectory(RunDataDirectory);
        File.Copy(Path.Combine(CacheDirectory, "kalinga.db"), Path.Combine(RunDataDirectory, "kalinga.db"));
        return Task.CompletedTask;
    }
}
