using System.Collections.Concurrent;
using Kalinga.Events;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Events;

public sealed class EventDispatcherTests(EventDispatcherTests.App app) : IClassFixture<EventDispatcherTests.App>
{
    [Fact]
    public async Task Several_nodes_deliver_every_event_exactly_once()
    {
        var client = await app.ClientAsync();
        await app.DrainAsync("warm-up");
        var first = await app.MaxEventIdAsync();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.CreateTicketAsync(subject: $"Outage {i}", email: $"outage{i}@example.test")));
        var expected = await app.EventIdsAfterAsync(first);

        await Task.WhenAll(new[] { "node-a", "node-b", "node-c" }.Select(node => Task.Run(() => app.DrainAsync(node))));

        var delivered = app.Recorder.Seen.Where(id => id > first).ToList();
        Assert.Equal(expected.Order(), delivered.Order());
        Assert.True(expected.Count >= 40);
    }

    [Fact]
    public async Task Events_leased_by_a_node_that_died_are_delivered_once_the_lease_runs_out()
    {
        var client = await app.ClientAsync();
        await app.DrainAsync("warm-up");
        var first = await app.MaxEventIdAsync();
        await client.CreateTicketAsync(subject: "Crash test", email: "crash@example.test");
        var expected = await app.EventIdsAfterAsync(first);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(db => db.Events.Where(e => e.Id > first)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseOwner, "dead-node").SetProperty(e => e.LeaseExpiresAt, now.AddMinutes(1))));

        var whileLeased = await app.DrainAsync("survivor");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterLease = await app.DrainAsync("survivor");

        Assert.Equal(0, whileLeased);
        Assert.Equal(expected.Count, afterLease);
        Assert.Equal(expected.Order(), app.Recorder.Seen.Where(id => id > first).Order());
    }

    [Fact]
    public async Task A_failing_handler_is_retried_with_backoff_and_then_set_aside_visibly()
    {
        var client = await app.ClientAsync();
        await app.DrainAsync("warm-up");
        var ticket = await client.CreateTicketAsync(subject: "Poison", email: "poison@example.test");
        app.Flaky.FailForTicket = ticket.Id;
        var created = (await app.EventIdsAfterAsync(0)).Where(id => id > 0).ToList();

        for (var attempt = 0; attempt < EventDispatcher.MaxAttempts; attempt++)
        {
            await app.DrainAsync("node");
            app.Clock.Advance(TimeSpan.FromHours(1));
        }

        var failed = await client.GetAsync<List<EventsModuleFailedEvent>>("/api/v1/events/failed");
        var poisoned = Assert.Single(failed, f => f.TicketId == ticket.Id && f.Type == TicketEventTypes.Created);
        Assert.Equal(EventDispatcher.MaxAttempts, poisoned.Attempts);
        Assert.Contains("flaky: boom", poisoned.LastError, StringComparison.Ordinal);
        Assert.Equal(1, app.Recorder.Seen.Count(id => id == poisoned.Id));
        Assert.Equal(0, await app.DrainAsync("node"));
        Assert.NotEmpty(created);
    }

    public sealed record EventsModuleFailedEvent(long Id, long? TicketId, string Type, int Attempts, string LastError);

    public sealed class App : KalingaApp
    {
        public Recorder Recorder { get; } = new();

        public FlakyHandler Flaky { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<ITicketEventHandler>(Recorder);
            services.AddSingleton<ITicketEventHandler>(Flaky);
        }

        /// <summary>Runs one node's dispatcher until it finds nothing to do; returns how many events it delivered.</summary>
        public async Task<int> DrainAsync(string node)
        {
            var dispatcher = Services.GetRequiredService<EventDispatcher>();
            var total = 0;
            int batch;
            while ((batch = await dispatcher.RunOnceAsync(node, CancellationToken.None)) > 0)
            {
                total += batch;
            }

            return total;
        }

        public Task<long> MaxEventIdAsync() => WithDbAsync(db => db.Events.MaxAsync(e => (long?)e.Id)).ContinueWith(t => t.Result ?? 0, TaskScheduler.Default);

        public Task<List<long>> EventIdsAfterAsync(long id) => WithDbAsync(db => db.Events.Where(e => e.Id > id).Select(e => e.Id).ToListAsync());
    }

    public sealed class Recorder : ITicketEventHandler
    {
        private readonly ConcurrentQueue<long> seen = new();

        public IEnumerable<long> Seen => seen;

        public string Name => "recorder";

        public bool Handles(TicketEvent e) => true;

        public Task HandleAsync(TicketEvent e, CancellationToken ct)
        {
            seen.Enqueue(e.Id);
            return Task.CompletedTask;
        }
    }

    public sealed class FlakyHandler : ITicketEventHandler
    {
        public long? FailForTicket { get; set; }

        public string Name => "flaky";

        public bool Handles(TicketEvent e) => e.TicketId == FailForTicket && e.Type == TicketEventTypes.Created;

        public Task HandleAsync(TicketEvent e, CancellationToken ct) => throw new InvalidOperationException("boom");
    }
}
