using Kalinga.Data;
using Kalinga.Events;
using Microsoft.Extensions.Options;

namespace Kalinga.Sla;

/// <summary>Runs <see cref="RaiseSlaAlerts"/> every 30 seconds (straight on while a pass fills a whole batch).</summary>
public sealed class SlaBreachScanner(IServiceScopeFactory scopes, IOptions<KalingaOptions> options, TimeProvider clock, ILogger<SlaBreachScanner> logger)
    : RecurringWorker(scopes, options, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override string Work => "SLA scan";

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<RaiseSlaAlerts>().HandleAsync(ct) >= RaiseSlaAlerts.BatchSize;
}
