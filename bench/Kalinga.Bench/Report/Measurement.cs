namespace Kalinga.Bench.Report;

/// <summary>
/// One row of the results: a throughput with latencies (from wrk), or a single amount (memory, start time). A scenario
/// whose feature has not landed yet is a row with <see cref="Unavailable"/> set and no figures, never a made-up one.
/// </summary>
public sealed record Measurement
{
    public required string Scenario { get; init; }

    public required Engine Engine { get; init; }

    public int? Clients { get; init; }

    /// <summary>Throughput, or the amount for memory and time rows.</summary>
    public double? Value { get; init; }

    public required string Unit { get; init; }

    public double? P50 { get; init; }

    public double? P95 { get; init; }

    public double? P99 { get; init; }

    public long? Requests { get; init; }

    public long? Errors { get; init; }

    /// <summary>
    /// The server's CPU time per request (user and kernel, all cores). Unlike throughput it hardly depends on what else
    /// the machine is doing, so it is the figure to compare between runs on a busy machine.
    /// </summary>
    public double? CpuMsPerRequest { get; init; }

    /// <summary>
    /// For writes: how long the event dispatcher still worked after the load until every event the requests caused was
    /// delivered. Throughput is then requests over load time plus this, and the CPU per request includes it.
    /// </summary>
    public double? DrainSeconds { get; init; }

    /// <summary>Throughput as a share of the bare ASP.NET Core endpoint measured in the same run.</summary>
    public double? ShareOfBare { get; init; }

    public Target? Target { get; init; }

    /// <summary>The 1-minute load average when the measurement started.</summary>
    public double LoadAverage { get; init; }

    public string? Unavailable { get; init; }

    public bool? Met => Target is null || Value is null ? null : Target.IsMetBy(this);
}
