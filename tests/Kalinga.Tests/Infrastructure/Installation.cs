using System.Diagnostics;
using Kalinga.Data;
using Microsoft.Data.Sqlite;

namespace Kalinga.Tests.Infrastructure;

public sealed record VerbResult(int ExitCode, string Stdout, string Stderr)
{
    public string LastLine => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>
/// Kalinga as an operator installs it, for tests of the admin verbs: a database of the engine under test, a data
/// folder, and the real binary (<c>dotnet Kalinga.dll VERB …</c>) configured through environment variables.
/// </summary>
public sealed class Installation : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private Installation(string connectionString)
    {
        ConnectionString = connectionString;
    }

    /// <summary>Empty on SQLite when the database is <c>{data}/kalinga.db</c>, as on a machine set up by hand.</summary>
    public string ConnectionString { get; }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("kalinga-install-").FullName;

    public string DatabaseFile => Path.Combine(DataDirectory, "kalinga.db");

    /// <summary>A fresh, migrated database.</summary>
    public static async Task<Installation> CreateAsync(string name) => new(await TestDatabase.CreateAsync(name));

    /// <summary>On SQLite no database file yet, in its default place; on PostgreSQL a fresh database.</summary>
    public static async Task<Installation> CreateBareAsync(string name) =>
        TestDatabase.Provider == DatabaseProvider.Sqlite ? new("") : await CreateAsync(name);

    public async Task<VerbResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = TestDatabase.Provider.ToString(),
                ["ConnectionStrings__Kalinga"] = ConnectionString,
            },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kalinga.dll"));
        foreach (var arg in args.Concat(["--data", DataDirectory]))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new VerbResult(process.ExitCode, await stdout, await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (ConnectionString.Length > 0)
        {
            await TestDatabase.DropAsync(ConnectionString);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
