using Kalinga.Bench.Generation;

namespace Kalinga.Bench.Databases;

/// <summary>
/// One engine's database for a run: a cached, generated copy per (engine, N, schema) that each run starts from, so
/// re-runs skip generation and no run measures what an earlier run wrote.
/// </summary>
public abstract class BenchDatabase(BenchOptions options, string kalingaDll)
{
    protected BenchOptions Options => options;

    protected string KalingaDll => kalingaDll;

    public abstract Engine Engine { get; }

    /// <summary>The Kalinga process's environment and arguments for the run copy, set by <see cref="PrepareRunAsync"/>.</summary>
    public abstract IReadOnlyDictionary<string, string> Environment { get; }

    public string RunDataDirectory => Path.Combine(options.WorkDirectory, "run", Engine.ToString().ToLowerInvariant(), "data");

    /// <summary>Generates the cached database unless it exists; returns how long generation took (zero when cached).</summary>
    public abstract Task<TimeSpan> EnsureCachedAsync(Action<string> progress);

    /// <summary>Engine version, size and row counts of the cached database, for the report.</summary>
    public abstract Task<string> DescribeAsync();

    /// <summary>Makes a fresh copy of the cached database for one run.</summary>
    public abstract Task PrepareRunAsync();

    /// <summary>Runs SQL against the run copy (the help center's structure rows, which the product's API cannot create).</summary>
    public abstract Task ExecuteOnRunCopyAsync(string sql);

    /// <summary>Runs a query of one number against the run copy, while Kalinga runs on it (the event backlog).</summary>
    public abstract Task<long> CountOnRunCopyAsync(string sql);

    /// <summary>Issues an API token with the app's own verb, against the run copy.</summary>
    public async Task<string> IssueTokenAsync()
    {
        var output = await RunVerbAsync(["create-api-token", "--name", "bench", "--role", "admin"]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
    }

    /// <summary>Runs one of the app's admin verbs against the run copy; returns what it printed on stdout.</summary>
    public Task<string> RunVerbAsync(IReadOnlyList<string> verb) =>
        Shell.CheckedAsync("dotnet", [kalingaDll, .. verb, "--data", RunDataDirectory], Path.GetDirectoryName(kalingaDll), VerbEnvironment(), TimeSpan.FromMinutes(30));

    protected async Task MigrateAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment) =>
        await Shell.CheckedAsync("dotnet", [kalingaDll, "migrate", "--data", dataDirectory], Path.GetDirectoryName(kalingaDll), With(environment), TimeSpan.FromMinutes(5));

    protected const string CountRows = """
        SELECT (SELECT count(*) FROM "Tickets"), (SELECT count(*) FROM "Messages"), (SELECT count(*) FROM "Events"),
               (SELECT count(*) FROM "Customers"), (SELECT count(*) FROM "Organizations"), (SELECT count(*) FROM "Agents")
        """;

    protected static string Counts(long tickets, long messages, long events, long customers, long organizations, long agents) =>
        $"{tickets:N0} tickets, {messages:N0} messages, {events:N0} events, {customers:N0} customers, {organizations:N0} organizations, {agents:N0} agents";

    protected static Plan MakePlan(int tickets) => Plan.Create(tickets, TimeProvider.System.GetUtcNow().UtcDateTime.Date);

    private Dictionary<string, string> VerbEnvironment() => With(Environment);

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> environment) =>
        new(environment) { ["DOTNET_ENVIRONMENT"] = "Production", ["ASPNETCORE_ENVIRONMENT"] = "Production" };
}
