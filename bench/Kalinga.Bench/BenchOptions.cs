using System.Globalization;

namespace Kalinga.Bench;

public enum Engine
{
    Sqlite,
    Postgres,
}

/// <summary>
/// <c>[--engine sqlite|postgres|both] [--tickets N] [--smoke] [--out FILE] [--duration SECONDS] [--postgres CONNECTION]
/// [--data DIR] [--prepare]</c>. <c>--prepare</c> only generates (or finds) the cached databases, for a later run.
/// A smoke run (for CI) uses 2,000 tickets, 2-second scenarios (after a 1-second warm-up) and one start, and writes no
/// report unless <c>--out</c> says so.
/// </summary>
public sealed record BenchOptions
{
    public const int MaxTickets = 1_000_000;

    public required IReadOnlyList<Engine> Engines { get; init; }

    public required int Tickets { get; init; }

    public required bool Smoke { get; init; }

    public required bool PrepareOnly { get; init; }

    public required string? OutFile { get; init; }

    public required TimeSpan Duration { get; init; }

    public required TimeSpan Warmup { get; init; }

    /// <summary>How many times Kalinga is started to time start-to-ready (the median is reported).</summary>
    public required int Starts { get; init; }

    /// <summary>Host, port and credentials of the PostgreSQL server; the bench picks the database names.</summary>
    public required string? Postgres { get; init; }

    /// <summary>Published builds, cached databases and run folders.</summary>
    public required string WorkDirectory { get; init; }

    public required string RepositoryRoot { get; init; }

    /// <summary>
    /// Scenarios to run (<c>--only bare,get,view,search,create,routed,agent,ticketpage,portal,kb,mail,sla</c>), for iterating on one of them;
    /// empty runs all. Start, memory and the bare endpoint always run.
    /// </summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    /// <summary>The command line as typed, for the report.</summary>
    public required string Command { get; init; }

    public static BenchOptions Parse(string[] args, string repositoryRoot)
    {
        var engines = new List<Engine> { Engine.Sqlite };
        int? tickets = null;
        int? seconds = null;
        var smoke = false;
        var prepare = false;
        string? outFile = null;
        var only = new HashSet<string>(StringComparer.Ordinal);
        var postgres = Environment.GetEnvironmentVariable("KALINGA_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("KALINGA_TEST_POSTGRES");
        var work = Path.Combine(repositoryRoot, "artifacts", "bench");
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--engine":
                    engines = Value() switch
                    {
                        "sqlite" => [Engine.Sqlite],
                        "postgres" => [Engine.Postgres],
                        "both" => [Engine.Sqlite, Engine.Postgres],
                        var other => throw new ArgumentException($"Unknown engine '{other}': use sqlite, postgres or both."),
                    };
                    break;
                case "--tickets":
                    tickets = int.Parse(Value(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                    break;
                case "--smoke":
                    smoke = true;
                    break;
                case "--prepare":
                    prepare = true;
                    break;
                case "--out":
                    outFile = Value();
                    break;
                case "--duration":
                    seconds = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--postgres":
                    postgres = Value();
                    break;
                case "--only":
                    only.UnionWith(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--data":
                    work = Path.GetFullPath(Value());
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        var count = tickets ?? (smoke ? 2_000 : 100_000);
        if (count is < 100 or > MaxTickets)
        {
            throw new ArgumentException($"--tickets takes 100 to {MaxTickets:N0}.");
        }

        if (engines.Contains(Engine.Postgres) && string.IsNullOrWhiteSpace(postgres))
        {
            throw new ArgumentException("PostgreSQL needs --postgres \"Host=…;Port=…;Username=…;Password=…\" or KALINGA_TEST_POSTGRES (scripts/test-services.sh env).");
        }

        return new BenchOptions
        {
            Engines = engines,
            Tickets = count,
            Smoke = smoke,
            PrepareOnly = prepare,
            Only = only,
            OutFile = outFile ?? (smoke || only.Count > 0 ? null : Path.Combine(repositoryRoot, "docs", "performance.md")),
            Duration = TimeSpan.FromSeconds(seconds ?? (smoke ? 2 : 15)),
            Warmup = TimeSpan.FromSeconds(smoke ? 1 : 5),
            Starts = smoke || only.Count > 0 ? 1 : 3,
            Postgres = postgres,
            WorkDirectory = work,
            RepositoryRoot = repositoryRoot,
            Command = "dotnet run -c Release --project bench/Kalinga.Bench --" + string.Concat(args.Select(a => " " + Quote(a))),
        };
    }

    // A connection string may carry a password; the report shows the command, never the secret.
    private static string Quote(string arg)
    {
        var shown = System.Text.RegularExpressions.Regex.Replace(arg, "(?i)(password|pwd)=[^;]*", "$1=***");
        return shown.Any(c => char.IsWhiteSpace(c) || c is '"' or ';') ? $"\"{shown}\"" : shown;
    }
}
