using Kalinga.Data;
using Microsoft.Extensions.Options;

namespace Kalinga.Automation;

/// <summary>Runs the time-based automations every minute.</summary>
public sealed partial class AutomationScanner(IServiceScopeFactory scopes, IOptions<KalingaOptions> options, TimeProvider clock, ILogger<AutomationScanner> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorkers)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RunAutomations>().HandleAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(logger, ex);
            }

            await Task.Delay(Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Time-based automations failed; retrying")]
    private static partial void LogRunFailed(ILogger logger, Exception ex);
}
