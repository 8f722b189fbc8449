using Kalinga.Data;
using Microsoft.Extensions.Options;

namespace Kalinga.Events;

/// <summary>
/// A background loop that runs one pass of some work in a DI scope of its own every <see cref="Interval"/>, and again
/// straight on while a pass reports that it stopped at a full batch. A failed pass is logged and tried again at the
/// next interval; the loop never dies of it. Off when <c>Kalinga:RunWorkers</c> is false (tests drive the work).
/// </summary>
public abstract partial class RecurringWorker(IServiceScopeFactory scopes, IOptions<KalingaOptions> options, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>Names the work in the log line of a failed pass.</summary>
    protected abstract string Work { get; }

    /// <summary>One pass; true when there is more to do at once.</summary>
    protected abstract Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct);

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
                if (await RunOnceAsync(scope.ServiceProvider, stoppingToken))
                {
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, ex, Work);
            }

            await Task.Delay(Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception ex, string work);
}
