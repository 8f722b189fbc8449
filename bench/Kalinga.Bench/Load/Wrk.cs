using System.Globalization;

namespace Kalinga.Bench.Load;

/// <summary>
/// Drives load with Debian's wrk (a separate process, so load generation does not share the app's runtime), bounded in
/// time, on 127.0.0.1 only. Every script ends with the same <c>done</c> hook, which prints the percentiles wrk's own
/// report leaves out (p95) in a line this class parses.
/// </summary>
public sealed class Wrk(string scriptDirectory)
{
    private const string Marker = "BENCH-RESULT";

    private const string Done = """

        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("BENCH-RESULT %d %d %.0f %.0f %.0f %d %d\n",
            summary.requests, summary.duration,
            latency:percentile(50), latency:percentile(95), latency:percentile(99),
            e.status, e.connect + e.read + e.write + e.timeout))
        end
        """;

    private int scripts;

    public static async Task<bool> IsInstalledAsync()
    {
        try
        {
            var result = await Shell.RunAsync("wrk", ["--version"]);
            return result.Stdout.Contains("wrk", StringComparison.Ordinal) || result.Stderr.Contains("wrk", StringComparison.Ordinal);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public async Task<WrkResult> RunAsync(Uri baseAddress, string lua, int connections, TimeSpan duration)
    {
        if (!baseAddress.IsLoopback)
        {
            throw new ArgumentException("The benchmark only loads 127.0.0.1.", nameof(baseAddress));
        }

        var script = Path.Combine(scriptDirectory, $"scenario-{Interlocked.Increment(ref scripts)}.lua");
        await File.WriteAllTextAsync(script, lua + Done);
        var threads = Math.Min(connections, Environment.ProcessorCount);
        string[] args =
        [
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s",
            "--timeout", "10s",
            "--latency",
            "-s", script,
            baseAddress.ToString(),
        ];
        var output = await Shell.CheckedAsync("wrk", args, timeout: duration + TimeSpan.FromSeconds(60));
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result line:\n{output}");
        var f = line[Marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new WrkResult((long)f[0], TimeSpan.FromMicroseconds(f[1]), f[2] / 1000, f[3] / 1000, f[4] / 1000, (long)f[5], (long)f[6]);
    }
}
