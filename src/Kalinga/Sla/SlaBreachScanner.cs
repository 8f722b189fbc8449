using Kalinga.Data;
using Microsoft.Extensions.Options;

namespace Kalinga.Sla;

/// <summary>Runs <see cref="RaiseSlaAlerts"/> every 30 seconds (straight on while a pass fills a whole batch).</summary>
public sealed partial class SlaBreachScanner(IServiceScopeFactory scopes, IOptions<KalingaOptions> options, TimeProvider clock, ILogger<SlaBreachScanner> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

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
                if (await scope.ServiceProvider.GetRequiredService<RaiseSlaAlerts>().HandleAsync(stoppingToken) >= RaiseSlaAlerts.BatchSize)
                {
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogScanFailed(logger, ex);
            }

            await Task.Delay(Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SLA scan failed; retrying")]
    private static partial void LogScanFailed(ILogger logger, Exception ex);
}
