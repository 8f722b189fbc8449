using Kalinga.Tests.Infrastructure;
using Kalinga.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.Events;

/// <summary>
/// The dispatcher's SQL for a new ticket must not grow with the number of handlers or events: a batch checks the
/// cached settings once, the SLA clocks of all its tickets are computed together, and handlers with nothing to do query
/// nothing.
/// (Timings live in the benchmark; this guards the statement count that drives them.)
/// </summary>
public sealed class DispatchQueryCountTests(QueryCountTests.CountingApp app) : IClassFixture<QueryCountTests.CountingApp>
{
    private const int Tickets = 20;

    [Fact]
    public async Task Delivering_a_new_tickets_events_takes_a_few_queries_and_still_starts_its_sla_clocks()
    {
        var client = await app.ClientAsync();
        await app.DeliverEventsAsync();
        var numbers = new List<long>();
        for (var i = 0; i < Tickets; i++)
        {
            var ticket = await client.CreateTicketAsync(subject: $"Dryer stops {i}", email: $"dispatch{i % 4}@example.test", extra: new { tags = new[] { "dryer" } });
            numbers.Add(ticket.Number);
        }

        var before = app.Commands.Count;
        await app.DeliverEventsAsync();
        var statements = app.Commands.Count - before;

        // Each ticket has three events (created, message added, tags changed); per event and handler this was 25 statements,
        // then about 5 per ticket while the SLA clocks were computed ticket by ticket. Now the reads do not grow with the
        // tickets; only the clock rows written do (one statement per row on SQLite, which EF does not batch).
        Assert.InRange(statements, 1, Tickets * 2);
        var (undelivered, withClocks) = await app.WithDbAsync(async db => (
            await db.Events.CountAsync(e => e.DispatchedAt == null),
            await db.Tickets.Where(t => numbers.Contains(t.Number)).CountAsync(t => db.SlaClocks.Any(c => c.TicketId == t.Id && c.DueAt != null))));
        Assert.Equal(0, undelivered);
        Assert.Equal(Tickets, withClocks);
    }
}
