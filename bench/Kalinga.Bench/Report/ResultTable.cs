using System.Globalization;
using System.Text;

namespace Kalinga.Bench.Report;

/// <summary>The results as text: one line per measurement for the console, Markdown tables for docs/performance.md.</summary>
public static class ResultTable
{
    public static string Line(Measurement m) =>
        m.Unavailable is not null
            ? $"{m.Scenario}: {m.Unavailable}"
            : $"{Result(m)}{Latencies(m, " (p50 {0} / p95 {1} / p99 {2} ms)")}{Errors(m)}{Cpu(m, ", {0} ms CPU/request")}{Drain(m, ", events delivered {0} s after the load")}{Share(m, ", {0} of bare")}{Verdict(m, ", target {0}: {1}")}, load {m.LoadAverage:0.0}";

    /// <summary>One row per scenario, SQLite and PostgreSQL side by side, against the targets.</summary>
    public static string Summary(IReadOnlyList<Measurement> results)
    {
        var engines = results.Select(r => r.Engine).Distinct().Order().ToList();
        var text = new StringBuilder();
        text.Append("| scenario | clients | target |");
        foreach (var engine in engines)
        {
            text.Append(CultureInfo.InvariantCulture, $" {engine} | met |");
        }

        text.Append('\n').Append("|---|---:|---|");
        foreach (var _ in engines)
        {
            text.Append("---:|:---:|");
        }

        text.Append('\n');
        foreach (var group in results.GroupBy(r => (r.Scenario, r.Clients)))
        {
            var first = group.First();
            text.Append(CultureInfo.InvariantCulture, $"| {first.Scenario} | {first.Clients?.ToString(CultureInfo.InvariantCulture) ?? ""} | {first.Target?.Text ?? ""} |");
            foreach (var engine in engines)
            {
                var m = group.FirstOrDefault(r => r.Engine == engine);
                text.Append(m is null ? " | |" : m.Unavailable is not null ? " not available yet | |" : $" {Result(m)}{Latencies(m, "<br>p95 {1} ms")}{Cpu(m, "<br>{0} ms CPU/req")} | {Mark(m)} |");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Every figure of every row, with the load average of the machine when it was taken.</summary>
    public static string Detail(IReadOnlyList<Measurement> results)
    {
        var text = new StringBuilder("| engine | scenario | clients | result | p50 ms | p95 ms | p99 ms | requests | errors | CPU ms/req | events drained s | of bare | load avg |\n");
        text.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var m in results)
        {
            if (m.Unavailable is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {m.Engine} | {m.Scenario} | | {m.Unavailable} | | | | | | | | | {m.LoadAverage:0.0} |\n");
                continue;
            }

            text.Append(CultureInfo.InvariantCulture,
                $"| {m.Engine} | {m.Scenario} | {m.Clients} | {Result(m)} | {Ms(m.P50)} | {Ms(m.P95)} | {Ms(m.P99)} | {m.Requests:N0} | {m.Errors:N0} | {Cpu(m, "{0}")} | {Drain(m, "{0}")} | {Share(m, "{0}")} | {m.LoadAverage:0.0} |\n");
        }

        return text.ToString();
    }

    private static string Result(Measurement m) => m.Unit switch
    {
        "req/s" or "msg/s" => string.Create(CultureInfo.InvariantCulture, $"{m.Value:N0} {m.Unit}"),
        "opens/s" => string.Create(CultureInfo.InvariantCulture, $"{m.Value:0.0} {m.Unit}"),
        "s" => string.Create(CultureInfo.InvariantCulture, $"{m.Value:0.00} s"),
        "ms" => string.Create(CultureInfo.InvariantCulture, $"{m.Value:0.00} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{m.Value:N0} {m.Unit}"),
    };

    private static string Latencies(Measurement m, string format) =>
        m.P95 is null ? "" : string.Format(CultureInfo.InvariantCulture, format, Ms(m.P50), Ms(m.P95), Ms(m.P99));

    private static string Ms(double? ms) => ms switch
    {
        null => "",
        < 1 => ms.Value.ToString("0.000", CultureInfo.InvariantCulture),
        < 10 => ms.Value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => ms.Value.ToString("0.0", CultureInfo.InvariantCulture),
    };

    private static string Cpu(Measurement m, string format) =>
        m.CpuMsPerRequest is { } cpu ? string.Format(CultureInfo.InvariantCulture, format, Ms(cpu)) : "";

    private static string Drain(Measurement m, string format) =>
        m.DrainSeconds is { } seconds ? string.Format(CultureInfo.InvariantCulture, format, seconds.ToString("0.0", CultureInfo.InvariantCulture)) : "";

    private static string Errors(Measurement m) => m.Errors is > 0 ? $", {m.Errors:N0} errors" : "";

    private static string Share(Measurement m, string format) =>
        m.ShareOfBare is { } share ? string.Format(CultureInfo.InvariantCulture, format, share.ToString("P0", CultureInfo.InvariantCulture)) : "";

    private static string Verdict(Measurement m, string format) =>
        m.Target is null ? "" : string.Format(CultureInfo.InvariantCulture, format, m.Target.Text, m.Met == true ? "met" : "MISSED");

    private static string Mark(Measurement m) => m.Met switch
    {
        true => "yes",
        false => "**no**",
        null => "",
    };
}
