namespace Kalinga.Web.Agent;

/// <summary>
/// Runs an action once after a burst of calls has been quiet for <c>delay</c>: a flurry of live events or key presses
/// costs one refresh, not one per event.
/// </summary>
public sealed class Debouncer(TimeSpan delay, Func<Task> action) : IDisposable
{
    private CancellationTokenSource? pending;

    public void Poke()
    {
        var next = new CancellationTokenSource();
        Interlocked.Exchange(ref pending, next)?.Cancel();
        _ = RunAsync(next.Token);
    }

    public void Dispose() => Interlocked.Exchange(ref pending, null)?.Cancel();

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
            await action();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
