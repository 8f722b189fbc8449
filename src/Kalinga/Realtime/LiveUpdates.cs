using System.Collections.Concurrent;

namespace Kalinga.Realtime;

/// <summary>
/// The in-process fan-out of <see cref="LiveEvent"/>s to the open agent pages (interactive server circuits) of this
/// node. What reaches it from elsewhere comes through the <see cref="ILiveTransport"/> (see ADR 7).
/// </summary>
public sealed partial class LiveUpdates(ILogger<LiveUpdates> logger)
{
    private readonly ConcurrentDictionary<Guid, Func<LiveEvent, Task>> subscribers = new();

    public int SubscriberCount => subscribers.Count;

    /// <summary>Calls <paramref name="onEvent"/> for every event until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<LiveEvent, Task> onEvent)
    {
        var id = Guid.NewGuid();
        subscribers[id] = onEvent;
        return new Subscription(() => subscribers.TryRemove(id, out _));
    }

    /// <summary>Hands the event to every subscriber without waiting for them: a slow page must not hold up the dispatcher.</summary>
    public void Deliver(LiveEvent e)
    {
        foreach (var (id, subscriber) in subscribers)
        {
            _ = InvokeAsync(id, subscriber, e);
        }
    }

    private async Task InvokeAsync(Guid id, Func<LiveEvent, Task> subscriber, LiveEvent e)
    {
        try
        {
            await subscriber(e);
        }
        catch (Exception ex)
        {
            LogSubscriberFailed(logger, ex, id, e.Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live page ({Subscriber}) failed to take a {Kind} event")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception ex, Guid subscriber, LiveEventKind kind);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
