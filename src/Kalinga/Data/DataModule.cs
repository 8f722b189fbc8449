using Kalinga.Attachments;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Kalinga.Data;

public static class DataModule
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KalingaOptions>().BindConfiguration("Kalinga").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration("Database").ValidateOnStart();

        // The engine decides which context type (and so which migrations) exists, so it is read here, once.
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Kalinga");
        if (database.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new OptionsValidationException("ConnectionStrings:Kalinga", typeof(DatabaseOptions),
                    ["Database:Provider is Postgres, so ConnectionStrings:Kalinga must name the PostgreSQL database."]);
            }

            var postgres = PostgresConnectionString(connectionString);
            services.AddDbContextPool<PostgresKalingaDb>(o => QuietFailedSaves(o.UseNpgsql(postgres, n => n.MigrationsHistoryTable("__Migrations"))));
            services.AddScoped<KalingaDb>(sp => sp.GetRequiredService<PostgresKalingaDb>());
        }
        else
        {
            services.AddDbContextPool<SqliteKalingaDb>((sp, o) =>
            {
                var path = sp.GetRequiredService<IOptions<KalingaOptions>>().Value.DataPath;
                QuietFailedSaves(o.UseSqlite(SqliteConnectionString(connectionString, path), s => s.MigrationsHistoryTable("__Migrations"))
                    .AddInterceptors(SqlitePragmas.Instance, SqliteWriteGate.Instance));
            });
            services.AddScoped<KalingaDb>(sp => sp.GetRequiredService<SqliteKalingaDb>());
            services.AddSingleton<PreparedReads>();
        }

        services.AddSingleton<IBlobStore>(sp =>
            new FileSystemBlobStore(Path.Combine(sp.GetRequiredService<IOptions<KalingaOptions>>().Value.DataPath, "blobs")));
        services.AddHealthChecks().AddDbContextCheck<KalingaDb>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// A failed command, save or transaction step is an exception its caller answers: a unique race becomes a 409, a
    /// request the client cut off ends with its transaction's cancelled commit, anything else is logged as unhandled by
    /// the host or the worker. EF's own Error lines would report every expected conflict and every client that hung up
    /// as a server error, so they are kept, one level lower.
    /// </summary>
    private static DbContextOptionsBuilder QuietFailedSaves(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Warning),
            (RelationalEventId.CommandError, LogLevel.Warning),
            (RelationalEventId.TransactionError, LogLevel.Warning)));

    /// <summary>
    /// Npgsql prepares a statement on the server once it has run five times on a connection, unless the connection
    /// string sets <c>Max Auto Prepare</c> itself (0 turns it off). Without it PostgreSQL plans every ticket read again:
    /// the planning cost more than running the queries (see docs/performance.md).
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    /// <summary>SQLite lives in <c>{data}/kalinga.db</c> unless a connection string says otherwise.</summary>
    public static string SqliteConnectionString(string? configured, string dataPath)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        Directory.CreateDirectory(dataPath);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataPath, "kalinga.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}
