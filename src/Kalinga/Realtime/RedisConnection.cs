using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Kalinga.Realtime;

/// <summary>
/// The node's one connection to Redis, opened on first use. It never blocks start-up or fails the node: while Redis is
/// away the multiplexer keeps reconnecting (and re-subscribes), and commands fail at once instead of queueing, so a
/// publisher can fall back to this node's own pages.
/// </summary>
public sealed class RedisConnection(IOptions<RealtimeOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> connection = new(() => ConnectAsync(options.Value.Redis!));

    public RedisChannel Channel { get; } = RedisChannel.Literal(options.Value.Channel);

    public async Task<ISubscriber> SubscriberAsync() => (await connection.Value).GetSubscriber();

    /// <summary>True when a connection was opened and is up now.</summary>
    public bool IsConnected => connection.IsValueCreated && connection.Value.IsCompletedSuccessfully && connection.Value.Result.IsConnected;

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated && await connection.Value.ConfigureAwait(false) is { } multiplexer)
        {
            await multiplexer.DisposeAsync();
        }
    }

    private static Task<ConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var settings = ConfigurationOptions.Parse(configuration);
        settings.AbortOnConnectFail = false;
        settings.BacklogPolicy = BacklogPolicy.FailFast;
        settings.ClientName ??= "kalinga";
        return ConnectionMultiplexer.ConnectAsync(settings);
    }
}
