using System.Collections.Concurrent;
using Kalinga.Data;
using Kalinga.Realtime;
using Kalinga.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Kalinga.Tests.Realtime;

/// <summary>
/// The live-update side of one more Kalinga node (its pages' fan-out, presence and the Redis bridge), wired by the
/// application's own module, without a web host: enough to see what agents on that node would see.
/// </summary>
public sealed class LiveNode : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly List<IHostedService> hosted;
    private readonly IDisposable subscription;
    private readonly ConcurrentQueue<LiveEvent> received = new();

    private LiveNode(ServiceProvider services, FakeTimeProvider clock)
    {
        this.services = services;
        Clock = clock;
        hosted = [.. services.GetServices<IHostedService>()];
        subscription = Updates.Subscribe(e =>
        {
            received.Enqueue(e);
            return Task.CompletedTask;
        });
    }

    public FakeTimeProvider Clock { get; }

    public LiveUpdates Updates => services.GetRequiredService<LiveUpdates>();

    public Presence Presence => services.GetRequiredService<Presence>();

    public ILiveTransport Transport => services.GetRequiredService<ILiveTransport>();

    public IReadOnlyCollection<LiveEvent> Received => received;

    /// <summary>What the node's readiness check says about its live updates.</summary>
    public async Task<HealthStatus> LiveUpdatesHealthAsync() =>
        (await services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["live-updates"].Status;

    public static string Redis => Channels.Email.MailServers.Env("KALINGA_TEST_REDIS");

    public static async Task<LiveNode> StartAsync(string name, string channel, string? redis = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kalinga:NodeName"] = name,
            ["Realtime:Redis"] = redis ?? Redis,
            ["Realtime:Channel"] = channel,
        }).Build();
        var clock = new FakeTimeProvider(KalingaApp.Start);
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(clock);
        collection.AddOptions<KalingaOptions>().BindConfiguration("Kalinga");
        collection.AddRealtime();
        var node = new LiveNode(collection.BuildServiceProvider(), clock);
        foreach (var service in node.hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        if (redis is null)
        {
            await node.hosted.OfType<RedisLiveBridge>().Single().Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return node;
    }

    /// <summary>Waits (up to ten seconds, pub/sub is asynchronous) until <paramref name="condition"/> holds.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        for (var waited = 0; waited < 200 && !condition(); waited++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), what);
    }

    /// <summary>Stops the node the way a crash would: no goodbye to the other nodes.</summary>
    public async ValueTask DisposeAsync()
    {
        subscription.Dispose();
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await services.DisposeAsync();
    }
}
