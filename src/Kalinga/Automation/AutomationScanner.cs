using Kalinga.Data;
using Kalinga.Events;
using Microsoft.Extensions.Options;

namespace Kalinga.Automation;

/// <summary>Runs the time-based automations every minute.</summary>
public sealed class AutomationScanner(IServiceScopeFactory scopes, IOptions<KalingaOptions> options, TimeProvider clock, ILogger<AutomationScanner> logger)
    : RecurringWorker(scopes, options, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override string Work => "Time-based automations";

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<RunAutomations>().HandleAsync(ct);
        return false;
    }
}
