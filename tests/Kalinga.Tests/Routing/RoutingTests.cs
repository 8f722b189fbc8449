using System.Net;
using System.Text.Json;
using Kalinga.Routing;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tests.Sla;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.Routing;

public sealed class RoutingTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Fifty_tickets_arriving_at_once_on_two_nodes_fill_every_agent_to_capacity_and_no_further_and_none_twice()
    {
        var client = await app.ClientAsync();
        var (team, agents) = await TeamAsync(client, "Rush", "round_robin", capacity: 10, "Ana Cruz", "Ben Lim", "Cora Diaz");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            client.CreateTicketAsync(subject: $"Outage {i}", email: $"rush{i}@example.test", channel: "web", extra: new { teamId = team })));
        await Task.WhenAll(Task.Run(() => app.DrainAsync("node-a")), Task.Run(() => app.DrainAsync("node-b")));

        var tickets = await app.WithDbAsync(db => db.Tickets.Where(t => t.TeamId == team).Select(t => new { t.Id, t.AssigneeId }).ToListAsync());
        var assignments = await app.WithDbAsync(db => db.Events.Where(e => e.Type == TicketEventTypes.Assigned && e.Data.Contains("\"to\":{\"agent\":"))
            .Select(e => e.TicketId).ToListAsync());
        Assert.Equal(50, tickets.Count);
        Assert.Equal(agents.Order(), tickets.Where(t => t.AssigneeId != null).GroupBy(t => t.AssigneeId!.Value).Select(g => g.Key).Order());
        Assert.All(tickets.Where(t => t.AssigneeId != null).GroupBy(t => t.AssigneeId), g => Assert.Equal(10, g.Count()));
        Assert.Equal(20, tickets.Count(t => t.AssigneeId == null));
        Assert.Equal(30, assignments.Count(id => tickets.Any(t => t.Id == id)));
        Assert.Equal(30, assignments.Where(id => tickets.Any(t => t.Id == id)).Distinct().Count());
        var queue = (await client.GetAsync<List<RoutingModule.QueueView>>("/api/v1/routing/queues")).Single(q => q.TeamId == team);
        Assert.Equal(20, queue.Waiting);
    }

    [Fact]
    public async Task Round_robin_deals_tickets_in_turn()
    {
        var client = await app.ClientAsync();
        var (team, agents) = await TeamAsync(client, "Turns", "round_robin", capacity: 50, "Dan Reyes", "Eva Sy", "Fe Tan");

        var order = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var t = await client.CreateTicketAsync(subject: $"Turn {i}", email: "turns@example.test", channel: "email", extra: new { teamId = team });
            await app.DrainAsync();
            order.Add((await client.GetAsync<TicketDetails>($"/api/v1/tickets/{t.Number}")).AssigneeId!.Value);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([.. agents, .. agents], order);
    }

    [Fact]
    public async Task Least_loaded_gives_the_next_ticket_to_the_agent_with_fewest_active_tickets()
    {
        var client = await app.ClientAsync();
        var (team, agents) = await TeamAsync(client, "Light", "least_loaded", capacity: 50, "Gil Uy", "Hana Go");
        for (var i = 0; i < 3; i++)
        {
            await client.CreateTicketAsync(subject: $"Busy {i}", email: "light@example.test", channel: "web", extra: new { teamId = team, assigneeId = agents[0] });
        }

        await app.DrainAsync();
        var next = await client.CreateTicketAsync(subject: "Next", email: "light@example.test", channel: "web", extra: new { teamId = team });
        await app.DrainAsync();

        Assert.Equal(agents[1], (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{next.Number}")).AssigneeId);
    }

    [Fact]
    public async Task Skills_based_routing_sends_a_polish_ticket_about_a_product_to_an_agent_who_has_both()
    {
        var client = await app.ClientAsync();
        var team = await client.CreateTeamAsync("Skills");
        var english = await client.CreateAgentAsync("Ivy Ong", team, "en");
        var polishNoProduct = await client.CreateAgentAsync("Jan Kowal", team, "pl");
        var polish = await client.CreateAgentAsync("Kinga Nowak", team, "pl", "en");
        await client.PutAsync($"/api/v1/routing/queues/{team}", new { strategy = "skills_based" });
        await client.PutAsync($"/api/v1/routing/agents/{polish}/profile", new { products = new[] { "Washer X" } });
        foreach (var agent in new[] { english, polishNoProduct, polish })
        {
            await client.PutAsync($"/api/v1/routing/agents/{agent}/availability", new { status = "online" });
        }

        await client.DefineFieldAsync("product", "Product");
        var ticket = await client.CreateTicketAsync(subject: "Pralka cieknie", email: "pralka@example.test", channel: "email",
            extra: new { teamId = team, language = "pl", customFields = new Dictionary<string, string> { ["product"] = "washer x" } });
        await app.DrainAsync();

        Assert.Equal(polish, (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}")).AssigneeId);
    }

    [Fact]
    public async Task A_vip_customer_gets_the_next_free_agent_before_older_tickets()
    {
        var client = await app.ClientAsync();
        var (team, agents) = await TeamAsync(client, "Scarce", "round_robin", capacity: 1, "Lea Yu");
        var first = await client.CreateTicketAsync(subject: "First", email: "first@example.test", channel: "web", extra: new { teamId = team });
        await app.DrainAsync();
        var older = await client.CreateTicketAsync(subject: "Older", email: "older@example.test", channel: "web", extra: new { teamId = team });
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var vip = await client.CreateTicketAsync(subject: "Vip", email: "vip@example.test", channel: "web", extra: new { teamId = team });
        await app.WithDbAsync(db => db.Customers.Where(c => c.Id == vip.Customer.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsVip, true)));
        await app.DrainAsync();

        await client.PatchAsync($"/api/v1/tickets/{first.Number}", new { status = "solved" });
        await app.DrainAsync();

        Assert.Equal(agents[0], (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{vip.Number}")).AssigneeId);
        Assert.Null((await client.GetAsync<TicketDetails>($"/api/v1/tickets/{older.Number}")).AssigneeId);
    }

    [Fact]
    public async Task An_agent_going_offline_hands_their_tickets_to_an_online_colleague_when_the_team_asks_for_it()
    {
        var client = await app.ClientAsync();
        var (team, agents) = await TeamAsync(client, "Shift", "least_loaded", capacity: 10, "Mia Cruz", "Noel Ramos");
        await client.PutAsync($"/api/v1/routing/queues/{team}", new { strategy = "least_loaded", reassignWhenOffline = true });
        var ticket = await client.CreateTicketAsync(subject: "Handover", email: "shift@example.test", channel: "web", extra: new { teamId = team, assigneeId = agents[0] });
        await app.DrainAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var offline = await client.PutAsync($"/api/v1/routing/agents/{agents[0]}/availability", new { status = "offline" });
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.NoContent, offline.StatusCode);
        var details = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}");
        Assert.Equal(agents[1], details.AssigneeId);
        Assert.Equal(2, details.Events.Count(e => e.Type == TicketEventTypes.Assigned && e.CreatedAt >= app.Clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task A_ticket_without_a_team_goes_through_the_default_queue_to_a_free_agent_in_one_assignment_or_waits_there()
    {
        var client = await app.ClientAsync();
        var (team, agents) = await TeamAsync(client, "Front desk", "round_robin", capacity: 1, "Olga Lee");
        await client.PutAsync($"/api/v1/routing/queues/{team}", new { strategy = "round_robin", isDefault = true });

        var first = await client.CreateTicketAsync(subject: "Hello", email: "nobody@example.test", channel: "web");
        await app.DrainAsync();
        var second = await client.CreateTicketAsync(subject: "Hello again", email: "nobody@example.test", channel: "web");
        await app.DrainAsync();
        var taken = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{first.Number}");
        var waiting = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{second.Number}");
        await client.PatchAsync($"/api/v1/tickets/{first.Number}", new { status = "solved" });
        await app.DrainAsync();
        var next = await client.GetAsync<TicketDetails>($"/api/v1/tickets/{second.Number}");
        await client.PutAsync($"/api/v1/routing/queues/{team}", new { strategy = "round_robin", isDefault = false });

        Assert.Equal((team, agents[0]), (taken.TeamId!.Value, taken.AssigneeId!.Value));
        Assert.Single(taken.Events, e => e.Type == TicketEventTypes.Assigned);
        Assert.Equal((team, (long?)null), (waiting.TeamId!.Value, waiting.AssigneeId));
        Assert.Equal(agents[0], next.AssigneeId);
    }

    [Fact]
    public async Task Bad_routing_settings_are_a_400_naming_the_field()
    {
        var client = await app.ClientAsync();
        var team = await client.CreateTeamAsync("Strict");
        var agent = await client.CreateAgentAsync("Pia Sol", team);

        var strategy = await (await client.PutAsync($"/api/v1/routing/queues/{team}", new { strategy = "random" })).ProblemAsync(HttpStatusCode.BadRequest);
        var channel = await (await client.PutAsync($"/api/v1/routing/agents/{agent}/profile", new { capacity = new { fax = 3 } })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("strategy", strategy.Errors!.Keys);
        Assert.Contains("capacity.fax", channel.Errors!.Keys);
    }

    private static async Task<(long Team, long[] Agents)> TeamAsync(HttpClient client, string name, string strategy, int capacity, params string[] people)
    {
        var team = await client.CreateTeamAsync(name);
        var agents = new List<long>();
        foreach (var person in people)
        {
            var agent = await client.CreateAgentAsync(person, team);
            (await client.PutAsync($"/api/v1/routing/agents/{agent}/profile", new { defaultCapacity = capacity })).EnsureSuccessStatusCode();
            (await client.PutAsync($"/api/v1/routing/agents/{agent}/availability", new { status = "online" })).EnsureSuccessStatusCode();
            agents.Add(agent);
        }

        (await client.PutAsync($"/api/v1/routing/queues/{team}", new { strategy })).EnsureSuccessStatusCode();
        return (team, [.. agents]);
    }
}
