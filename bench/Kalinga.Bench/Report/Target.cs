namespace Kalinga.Bench.Report;

public enum Quantity
{
    /// <summary>Requests or messages per second: higher is better.</summary>
    Throughput,

    /// <summary>95th-percentile latency in milliseconds: lower is better.</summary>
    P95,

    /// <summary>Megabytes or seconds: lower is better.</summary>
    Amount,

    /// <summary>The server's CPU milliseconds per request or page open: lower is better.</summary>
    Cpu,
}

/// <summary>A target from issue 7, such as "≥ 2,000/s" or "p95 ≤ 30 ms".</summary>
public sealed record Target(Quantity Quantity, double Limit, string Text)
{
    public static Target AtLeast(double perSecond, string unit = "/s") => new(Quantity.Throughput, perSecond, $"≥ {perSecond:N0}{unit}");

    public static Target P95Within(double milliseconds) => new(Quantity.P95, milliseconds, $"p95 ≤ {milliseconds:N0} ms");

    /// <summary>Issue 4's "under 200 ms on the server" for what wrk cannot drive: the server's CPU time per page open.</summary>
    public static Target CpuWithin(double milliseconds) => new(Quantity.Cpu, milliseconds, $"server CPU ≤ {milliseconds:N0} ms/open");

    public static Target AtMost(double amount, string unit) => new(Quantity.Amount, amount, $"≤ {amount:N0} {unit}");

    public bool IsMetBy(Measurement m) => Quantity switch
    {
        Quantity.Throughput => m.Value >= Limit,
        Quantity.P95 => m.P95 <= Limit,
        Quantity.Cpu => m.CpuMsPerRequest <= Limit,
        _ => m.Value <= Limit,
    };
}
