using Kalinga.Data;
using Microsoft.Extensions.Options;

namespace Kalinga.Events;

/// <summary>Runs the dispatcher in the background: straight on while there is work, then every half second.</summary>
public sealed partial class EventDispatchWorker(
    EventDispatcher dispatcher, IOptions<KalingaOptions> options, TimeProvider clock, ILogger<EventDispatchWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(500);

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
                if (await dispatcher.RunOnceAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogDispatchFailed(logger, ex);
            }

            await Task.Delay(Idle, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event dispatch failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception ex);
}
