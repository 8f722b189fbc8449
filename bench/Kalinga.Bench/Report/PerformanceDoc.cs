using System.Globalization;
using System.Text;

namespace Kalinga.Bench.Report;

/// <summary>
/// Writes a run into docs/performance.md between markers named by the ticket count, so the 1,000,000-ticket run and
/// smaller runs stand side by side, and what people wrote around the blocks (what the profile showed) is kept.
/// </summary>
public static class PerformanceDoc
{
    private const string Intro = """
        # Performance

        Measured by the project's own benchmark (`bench/`, see issue 7): Kalinga Release, started as its own process on a
        generated desk, loaded with Debian's `wrk` on 127.0.0.1, next to a bare ASP.NET Core JSON endpoint measured in the
        same run. The machine is shared and noisy: the load average is given with every figure, and the share of the bare
        endpoint is the figure to compare between runs. Re-run with `bench/run.sh` (see `bench/README.md`).

        ## What the profile showed

        """;

    public static async Task WriteAsync(string file, RunInfo run, IReadOnlyList<Measurement> results)
    {
        var text = File.Exists(file) ? await File.ReadAllTextAsync(file) : Intro;
        var begin = $"<!-- bench N={run.Tickets} -->";
        var end = $"<!-- /bench N={run.Tickets} -->";
        var block = begin + "\n" + Block(run, results) + end;
        var at = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        if (at >= 0 && stop > at)
        {
            text = text[..at] + block + text[(stop + end.Length)..];
        }
        else
        {
            var profile = text.IndexOf("## What the profile showed", StringComparison.Ordinal);
            text = profile >= 0 ? text[..profile] + block + "\n\n" + text[profile..] : text.TrimEnd() + "\n\n" + block + "\n";
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllTextAsync(file, text);
    }

    public static string Block(RunInfo run, IReadOnlyList<Measurement> results)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## {run.Tickets:N0} tickets, {string.Join(" and ", run.Engines)} — {run.Started:yyyy-MM-dd HH:mm} UTC\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- command: `{run.Command}`\n");
        text.Append(CultureInfo.InvariantCulture, $"- machine: {run.Machine}\n");
        text.Append(CultureInfo.InvariantCulture, $"- load average (1 min): {run.LoadAtStart:0.00} at start, {run.LoadAtEnd:0.00} at end\n");
        foreach (var line in run.Data)
        {
            text.Append("- ").Append(line).Append('\n');
        }

        var missed = results.Where(m => m.Met == false).Select(m => $"{m.Scenario} on {m.Engine}").ToList();
        text.Append('\n').Append(ResultTable.Summary(results)).Append('\n');
        if (missed.Count > 0)
        {
            text.Append("Missed in this run: ").Append(string.Join("; ", missed)).Append(". See \"What the profile showed\".\n\n");
        }

        text.Append("<details><summary>All figures</summary>\n\n").Append(ResultTable.Detail(results)).Append("\n</details>\n");
        return text.ToString();
    }
}
