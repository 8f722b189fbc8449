using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Kalinga.Realtime;

/// <summary>
/// With Redis configured: listens on the channel and hands every event to this node's pages, takes the other nodes'
/// presence, repeats this node's presence every heartbeat and forgets nodes that went silent. Without Redis it does
/// nothing. A message it cannot read is logged and skipped; the listener never stops on one.
/// </summary>
public sealed partial class RedisLiveBridge(
    IServiceProvider services,
    IOptions<RealtimeOptions> options,
    LiveUpdates updates,
    Presence presence,
    TimeProvider clock,
    ILogger<RedisLiveBridge> logger) : BackgroundService
{
    private readonly TaskCompletionSource subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the node listens on the channel: from then on it misses nothing the other nodes publish.</summary>
    public Task Subscribed => subscribed.Task;

    private static readonly TimeSpan SubscribeRetry = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UsesRedis)
        {
            return;
        }

        var redis = services.GetRequiredService<RedisConnection>();
        var transport = services.GetRequiredService<RedisTransport>();
        var beat = options.Value.PresenceHeartbeat;
        var subscribed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!subscribed)
            {
                subscribed = await SubscribeAsync(redis, stoppingToken);
                if (!subscribed)
                {
                    // Nothing reaches this node until the subscription holds, so it is tried again after a second of
                    // wall time, not after a heartbeat (which may be long, and is the application's clock).
                    try
                    {
                        await Task.Delay(SubscribeRetry, TimeProvider.System, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    continue;
                }
            }
            else
            {
                await transport.HeartbeatAsync(presence.LocalSnapshots());
            }

            foreach (var ticketId in presence.ForgetSilentNodes())
            {
                updates.Deliver(new LiveEvent(LiveEventKind.Presence, ticketId));
            }

            try
            {
                await Task.Delay(beat, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Subscribes once; the multiplexer renews the subscription by itself after a reconnect. A first connection still
    /// opening in the background (a slow start) gets a few seconds of wall time before the caller tries again.
    /// </summary>
    private async Task<bool> SubscribeAsync(RedisConnection redis, CancellationToken ct)
    {
        try
        {
            var subscriber = await redis.SubscriberAsync();
            for (var waited = 0; waited < 50 && !subscriber.Multiplexer.IsConnected; waited++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }

            await subscriber.SubscribeAsync(redis.Channel, (_, value) => Receive(value));
            subscribed.TrySetResult();
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, ex);
            return false;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Handles one message from the channel (public for the tests that feed it bad input).</summary>
    public void Receive(RedisValue value)
    {
        LiveMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<LiveMessage>(value.ToString(), RedisTransport.Json);
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, ex);
            return;
        }

        if (message?.Event is { } e)
        {
            updates.Deliver(e);
        }

        foreach (var snapshot in message?.Presence ?? [])
        {
            var ours = snapshot.Node == presence.Node;
            if (presence.Apply(snapshot) || (ours && !message!.Heartbeat))
            {
                updates.Deliver(new LiveEvent(LiveEventKind.Presence, snapshot.TicketId));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to live updates on Redis yet; retrying every heartbeat")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a live update from Redis that is not a Kalinga message")]
    private static partial void LogUnreadable(ILogger logger, Exception ex);
}
