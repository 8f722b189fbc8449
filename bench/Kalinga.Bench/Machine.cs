using System.Globalization;

namespace Kalinga.Bench;

/// <summary>What the figures were measured on, read from /proc (the bench runs on Linux, where wrk runs).</summary>
public sealed record Machine(int Cores, long MemoryMb, string Cpu, string Os)
{
    public static Machine Describe()
    {
        var memInfo = File.Exists("/proc/meminfo") ? File.ReadAllLines("/proc/meminfo") : [];
        var memKb = memInfo.Where(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").Where(l => l.StartsWith("model name", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;
        return new Machine(Environment.ProcessorCount, memKb / 1024, cpu ?? "unknown CPU", System.Runtime.InteropServices.RuntimeInformation.OSDescription);
    }

    /// <summary>The 1-minute load average: other work on the machine (builds, tests) shows here and skews absolute figures.</summary>
    public static double LoadAverage()
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return double.NaN;
        }

        return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public override string ToString() => $"{Cores} cores, {MemoryMb / 1024.0:0.#} GB RAM, {Cpu}, {Os}";
}
