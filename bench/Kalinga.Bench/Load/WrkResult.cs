namespace Kalinga.Bench.Load;

/// <summary>What one wrk run measured. Latencies in milliseconds; errors are non-2xx/3xx answers plus socket errors and timeouts.</summary>
public sealed record WrkResult(long Requests, TimeSpan Duration, double P50, double P95, double P99, long StatusErrors, long SocketErrors)
{
    public double PerSecond => Requests / Duration.TotalSeconds;

    public long Errors => StatusErrors + SocketErrors;
}
