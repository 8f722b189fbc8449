using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kalinga.Realtime;

/// <summary>
/// Degraded, not unhealthy, while Redis is away: the node still serves everything, only pages on other nodes see its
/// changes late.
/// </summary>
public sealed class RealtimeHealth(IOptions<RealtimeOptions> options, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!options.Value.UsesRedis
            ? HealthCheckResult.Healthy("one node: live updates in process")
            : services.GetRequiredService<RedisConnection>().IsConnected
                ? HealthCheckResult.Healthy("live updates through Redis")
                : HealthCheckResult.Degraded("Redis unreachable: other nodes' pages miss this node's live updates"));
}
