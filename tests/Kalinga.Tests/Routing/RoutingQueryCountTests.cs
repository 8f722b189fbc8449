using Kalinga.Tests.Infrastructure;
using Kalinga.Tests.Sla;
using Kalinga.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.Routing;

/// <summary>
/// What routing adds to a new ticket, in SQL statements: the ticket goes through the default queue to a free agent in
/// one assignment, and that assignment starts no further routing. (Timings live in the benchmark's <c>routed</c>
/// scenario; this guards the statement count that drives them.)
/// </summary>
public sealed class RoutingQueryCountTests(QueryCountTests.CountingApp app) : IClassFixture<QueryCountTests.CountingApp>
{
    private const int Tickets = 20;

    [Fact]
    public async Task Routing_a_new_ticket_to_a_free_agent_adds_a_handful_of_statements()
    {
        var client = await app.ClientAsync();
        var team = await client.CreateTeamAsync("Counted");
        var agents = new List<long>();
        foreach (var name in new[] { "Rita Cruz", "Sol Diaz", "Tess Lim" })
        {
            var agent = await client.CreateAgentAsync(name, team);
            (await client.PutAsync($"/api/v1/routing/agents/{agent}/profile", new { defaultCapacity = 1000 })).EnsureSuccessStatusCode();
            (await client.PutAsync($"/api/v1/routing/agents/{agent}/availability", new { status = "online" })).EnsureSuccessStatusCode();
            agents.Add(agent);
        }

        (await client.PutAsync($"/api/v1/routing/queues/{team}", new { strategy = "round_robin" })).EnsureSuccessStatusCode();
        var plain = await DeliveryStatementsAsync(client, "plain");
        (await client.PutAsync($"/api/v1/routing/queues/{team}", new { strategy = "round_robin", isDefault = true })).EnsureSuccessStatusCode();
        var routed = await DeliveryStatementsAsync(client, "routed");
        (await client.PutAsync($"/api/v1/routing/queues/{team}", new { strategy = "round_robin", isDefault = false })).EnsureSuccessStatusCode();

        var taken = await app.WithDbAsync(db => db.Tickets.Where(t => t.Subject.StartsWith("routed ")).Select(t => t.AssigneeId).ToListAsync());
        Assert.All(taken, a => Assert.Contains(a!.Value, agents));
        // Before the default queue handed a ticket on in one assignment this was 19 statements per ticket: the team and
        // the agent were two assignments, and each drained the queues of the agent's teams again.
        Assert.Equal(Tickets, taken.Count);
        Assert.InRange(routed - plain, Tickets, Tickets * 10);
    }

    private async Task<int> DeliveryStatementsAsync(HttpClient client, string prefix)
    {
        await app.DeliverEventsAsync();
        for (var i = 0; i < Tickets; i++)
        {
            await client.CreateTicketAsync(subject: $"{prefix} {i}", email: $"count{i % 4}@example.test", channel: "web");
        }

        var before = app.Commands.Count;
        await app.DeliverEventsAsync();
        return app.Commands.Count - before;
    }
}
