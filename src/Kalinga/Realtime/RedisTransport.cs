using System.Text.Json;
using Kalinga.Data;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Kalinga.Realtime;

/// <summary>What travels on the Redis channel: a live event, or presence snapshots (a heartbeat repeats them).</summary>
public sealed record LiveMessage(string Node, LiveEvent? Event = null, IReadOnlyList<PresenceSnapshot>? Presence = null, bool Heartbeat = false);

/// <summary>
/// Several nodes: every event and presence change is published on one Redis pub/sub channel, and every node, this one
/// included, hands what it hears to its pages (<see cref="RedisLiveBridge"/>). When Redis cannot be reached the
/// message goes to this node's pages only; pages on other nodes catch up on their next event, as ADR 7 allows.
/// </summary>
public sealed partial class RedisTransport(RedisConnection redis, LiveUpdates updates, IOptions<KalingaOptions> kalinga, ILogger<RedisTransport> logger) : ILiveTransport
{
    private readonly string node = kalinga.Value.ResolvedNodeName;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task PublishAsync(LiveEvent e, CancellationToken ct) =>
        SendAsync(new LiveMessage(node, Event: e), () => updates.Deliver(e));

    public Task PublishPresenceAsync(IReadOnlyList<PresenceSnapshot> snapshots, CancellationToken ct) =>
        SendAsync(new LiveMessage(node, Presence: snapshots), () =>
        {
            foreach (var snapshot in snapshots)
            {
                updates.Deliver(new LiveEvent(LiveEventKind.Presence, snapshot.TicketId));
            }
        });

    /// <summary>Repeats this node's sessions so the others keep remembering them; nothing to fall back to.</summary>
    public Task HeartbeatAsync(IReadOnlyList<PresenceSnapshot> snapshots) =>
        SendAsync(new LiveMessage(node, Presence: snapshots, Heartbeat: true), () => { });

    private async Task SendAsync(LiveMessage message, Action fallback)
    {
        try
        {
            var subscriber = await redis.SubscriberAsync();
            await subscriber.PublishAsync(redis.Channel, JsonSerializer.Serialize(message, Json));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, ex);
            fallback();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish a live update on Redis; only this node's pages get it")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex);
}
