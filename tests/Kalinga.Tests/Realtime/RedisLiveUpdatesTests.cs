using Kalinga.Realtime;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tests.Sla;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kalinga.Tests.Realtime;

/// <summary>Kalinga on a node whose live updates travel through the test Redis, on a channel of its own.</summary>
public sealed class RedisKalingaApp : KalingaApp
{
    public string Channel { get; } = $"kalinga-test:{Guid.NewGuid():N}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Realtime:Redis", LiveNode.Redis);
        builder.UseSetting("Realtime:Channel", Channel);
    }
}

/// <summary>
/// Several nodes behind one load balancer (ADR 7): what an agent does on one node shows on the pages served by another,
/// and who is on a ticket shows on every node, until their node says they left or goes silent.
/// </summary>
public sealed class RedisLiveUpdatesTests(RedisKalingaApp app) : IClassFixture<RedisKalingaApp>
{
    [Fact]
    public async Task A_node_with_redis_reports_its_live_updates_healthy()
    {
        await using var node = await LiveNode.StartAsync("node-h", app.Channel);
        await node.Transport.PublishAsync(new LiveEvent(LiveEventKind.Ticket, 1, "ticket.created"), CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, await node.LiveUpdatesHealthAsync());
    }

    [Fact]
    public async Task A_ticket_created_on_one_node_reaches_the_pages_of_another_node()
    {
        await using var other = await LiveNode.StartAsync("node-b", app.Channel);
        var client = await app.ClientAsync();

        var ticket = await client.CreateTicketAsync(subject: "Cracked oven door", email: "redis-live@example.test");
        await app.DrainAsync();

        await LiveNode.EventuallyAsync(
            () => other.Received.Any(e => e is { Kind: LiveEventKind.Ticket } && e.TicketId == ticket.Id),
            "the other node's pages heard of the new ticket");
    }

    [Fact]
    public async Task An_agent_viewing_and_typing_on_one_node_shows_on_another_until_they_leave()
    {
        var channel = $"kalinga-test:{Guid.NewGuid():N}";
        await using var a = await LiveNode.StartAsync("node-a", channel);
        await using var b = await LiveNode.StartAsync("node-b", channel);

        var page = a.Presence.Join(4711, agentId: 1, "Ana Reyes", out var session);
        await LiveNode.EventuallyAsync(() => b.Presence.Others(4711, agentId: 2).Any(v => v.Name == "Ana Reyes"), "node B shows Ana viewing");
        a.Presence.SetTyping(4711, session, typing: true);
        await LiveNode.EventuallyAsync(() => b.Presence.Others(4711, agentId: 2) is [{ IsTyping: true }], "node B shows Ana typing");
        // The page's notice is raised after node B has taken in the new state, so it may come a moment later.
        await LiveNode.EventuallyAsync(
            () => b.Received.Count(e => e is { Kind: LiveEventKind.Presence, TicketId: 4711 }) >= 2,
            "node B's ticket page was told to re-read presence when Ana came and typed");
        page.Dispose();
        await LiveNode.EventuallyAsync(() => b.Presence.Others(4711, agentId: 2).Count == 0, "node B no longer shows Ana");

        Assert.Empty(a.Presence.Others(4711, agentId: 1));
    }

    [Fact]
    public async Task A_node_that_stops_without_a_goodbye_is_forgotten_after_three_missed_heartbeats()
    {
        var channel = $"kalinga-test:{Guid.NewGuid():N}";
        await using var b = await LiveNode.StartAsync("node-b", channel);
        var a = await LiveNode.StartAsync("node-a", channel);
        a.Presence.Join(815, agentId: 7, "Piotr Nowak", out _);
        await LiveNode.EventuallyAsync(() => b.Presence.Others(815, agentId: 2).Count == 1, "node B shows Piotr");

        await a.DisposeAsync();
        b.Clock.Advance(TimeSpan.FromSeconds(20));
        var stillShownAfterTwoBeats = b.Presence.Others(815, agentId: 2).Count;
        b.Clock.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(1, stillShownAfterTwoBeats);
        await LiveNode.EventuallyAsync(() => b.Presence.Others(815, agentId: 2).Count == 0, "node B forgot the silent node");
        await LiveNode.EventuallyAsync(
            () => b.Received.Count(e => e is { Kind: LiveEventKind.Presence, TicketId: 815 }) >= 2,
            "node B's pages were told to re-read presence when it forgot the node");
    }

    [Fact]
    public async Task Without_redis_a_node_still_updates_its_own_pages_and_reports_itself_degraded()
    {
        await using var alone = await LiveNode.StartAsync("node-alone", "kalinga-test:unreachable", redis: "127.0.0.1:1,connectTimeout=500");

        await alone.Transport.PublishAsync(new LiveEvent(LiveEventKind.Ticket, 99, "ticket.created"), CancellationToken.None);
        alone.Presence.Join(99, agentId: 3, "Giulia Bianchi", out _);

        Assert.Contains(alone.Received, e => e is { Kind: LiveEventKind.Ticket, TicketId: 99 });
        Assert.Contains(alone.Received, e => e is { Kind: LiveEventKind.Presence, TicketId: 99 });
        Assert.Equal(HealthStatus.Degraded, await alone.LiveUpdatesHealthAsync());
    }

    [Fact]
    public async Task A_message_on_the_channel_that_is_not_kalingas_is_skipped_and_the_next_one_still_arrives()
    {
        var channel = $"kalinga-test:{Guid.NewGuid():N}";
        await using var b = await LiveNode.StartAsync("node-b", channel);
        await using var a = await LiveNode.StartAsync("node-a", channel);
        await LiveNode.EventuallyAsync(() => b.Presence.Others(1, 1).Count == 0, "started");

        using (var raw = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(LiveNode.Redis))
        {
            await raw.GetSubscriber().PublishAsync(StackExchange.Redis.RedisChannel.Literal(channel), "{not json");
            await raw.GetSubscriber().PublishAsync(StackExchange.Redis.RedisChannel.Literal(channel), "42");
        }

        await a.Transport.PublishAsync(new LiveEvent(LiveEventKind.Ticket, 5, "message.received"), CancellationToken.None);

        await LiveNode.EventuallyAsync(() => b.Received.Any(e => e is { Kind: LiveEventKind.Ticket, TicketId: 5 }), "node B heard the event after the junk");
    }
}
