using System.Collections.Concurrent;
using System.Globalization;

namespace Kalinga.Realtime;

/// <summary>
/// The in-process fan-out of <see cref="LiveEvent"/>s to the open agent pages (interactive server circuits) of this
/// node. What reaches it from elsewhere comes through the <see cref="ILiveTransport"/> (see ADR 7).
/// </summary>
public sealed partial class LiveUpdates(ILogger<LiveUpdates> logger)
{
    private readonly ConcurrentDictionary<Guid, Subscriber> subscribers = new();

    public int SubscriberCount => subscribers.Count;

    /// <summary>Calls <paramref name="onEvent"/> for every event until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<LiveEvent, Task> onEvent)
    {
        var id = Guid.NewGuid();
        subscribers[id] = new Subscriber(onEvent, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
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

    private async Task InvokeAsync(Guid id, Subscriber subscriber, LiveEvent e)
    {
        // The event is raised on someone else's flow (the dispatcher, another agent's page); the page that takes it
        // renders in its own agent's language, so the subscriber runs with the cultures it subscribed with.
        CultureInfo.CurrentCulture = subscriber.Culture;
        CultureInfo.CurrentUICulture = subscriber.UiCulture;
        try
        {
            await subscriber.OnEvent(e);
        }
        catch (Exception ex)
        {
            LogSubscriberFailed(logger, ex, id, e.Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live page ({Subscriber}) failed to take a {Kind} event")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception ex, Guid subscriber, LiveEventKind kind);

    private sealed record Subscriber(Func<LiveEvent, Task> OnEvent, CultureInfo Culture, CultureInfo UiCulture);

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
