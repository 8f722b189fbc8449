using Kalinga.Bench.Databases;
using Kalinga.Bench.Generation;
using Kalinga.Bench.Load;
using Kalinga.Bench.Report;
using Kalinga.Bench.Scenarios;

namespace Kalinga.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Kalinga.Bench -- [--engine sqlite|postgres|both] [--tickets N] [--smoke] [--out FILE]</c>:
/// publishes Kalinga, generates (or reuses) the data, runs every scenario on each engine and prints and writes the table.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var root = RepositoryRoot();
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args, root);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        try
        {
            return await RunAsync(options);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or Microsoft.Playwright.PlaywrightException)
        {
            await Console.Error.WriteLineAsync($"bench failed: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(BenchOptions options)
    {
        var started = TimeProvider.System.GetUtcNow();
        var loadAtStart = Machine.LoadAverage();
        Say($"Kalinga bench: {options.Tickets:N0} tickets on {string.Join(", ", options.Engines)}{(options.Smoke ? " (smoke)" : "")}; load average {loadAtStart:0.00}");
        if (!await Wrk.IsInstalledAsync())
        {
            throw new InvalidOperationException("wrk is not installed: apt-get install -y wrk (bench/run.sh does it).");
        }

        var scripts = Path.Combine(options.WorkDirectory, "run", "scripts");
        Directory.CreateDirectory(scripts);
        Say("publishing Release builds");
        var builds = await Builds.PublishAsync(options);
        var workload = new Workload(Plan.Create(options.Tickets, started.UtcDateTime.Date));
        var results = new List<Measurement>();
        var data = new List<string>();
        foreach (var engine in options.Engines)
        {
            BenchDatabase database = engine == Engine.Sqlite ? new SqliteBenchDatabase(options, builds.KalingaDll) : new PostgresBenchDatabase(options, builds.KalingaDll);
            Say($"{engine}: data");
            var generated = await database.EnsureCachedAsync(line => Say("  " + line));
            data.Add($"{engine}: {await database.DescribeAsync()}" + (generated > TimeSpan.Zero ? $"; generated in {generated.TotalMinutes:0.0} min in this run" : ""));
            Say("  " + data[^1]);
            if (options.PrepareOnly)
            {
                continue;
            }

            Say($"{engine}: scenarios");
            results.AddRange(await new EngineRun(options, builds, database, workload, new Wrk(scripts), Say).RunAsync());
        }

        if (options.PrepareOnly)
        {
            return 0;
        }

        var run = new RunInfo(started, Machine.Describe(), options.Command, options.Tickets, [.. options.Engines.Select(e => e.ToString())], data, loadAtStart, Machine.LoadAverage());
        Console.WriteLine();
        Console.WriteLine(PerformanceDoc.Block(run, results));
        if (options.OutFile is not null)
        {
            await PerformanceDoc.WriteAsync(options.OutFile, run, results);
            Say($"written to {options.OutFile}");
        }

        // A benchmark that measured errors measured nothing: fail loudly rather than publish the figure.
        var broken = results.Where(m => m.Requests is not null && (m.Requests == 0 || m.Errors > m.Requests / 100)).ToList();
        foreach (var m in broken)
        {
            await Console.Error.WriteLineAsync($"bench failed: {m.Scenario} on {m.Engine}: {m.Errors:N0} errors in {m.Requests:N0} requests");
        }

        return broken.Count == 0 ? 0 : 1;
    }

    private static void Say(string line) => Console.WriteLine(line);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kalinga.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
