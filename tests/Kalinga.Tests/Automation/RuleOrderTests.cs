using System.Data.Common;
using System.Net;
using System.Text.Json;
using Kalinga.Agents;
using Kalinga.Automation;
using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Automation;

/// <summary>Rules run in order; admins move one up or down among the rules of its kind, and two admins at once never tie.</summary>
public sealed class RuleOrderTests(RuleOrderTests.App app) : IClassFixture<RuleOrderTests.App>
{
    public sealed class App : KalingaApp
    {
        public OrderReadGate Gate { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.ConfigureDbContext<SqliteKalingaDb>((_, o) => o.AddInterceptors(Gate));
            services.ConfigureDbContext<PostgresKalingaDb>((_, o) => o.AddInterceptors(Gate));
        }
    }

    [Fact]
    public async Task Moving_a_trigger_up_swaps_it_with_the_one_before_renumbers_the_triggers_and_leaves_automations_alone()
    {
        var client = await app.ClientAsync();
        var first = await CreateAsync(client, "Order first", 5);
        var second = await CreateAsync(client, "Order second", 5);
        var third = await CreateAsync(client, "Order third", 7);
        var automation = await CreateAsync(client, "Order automation", 1, automation: true);

        var moved = await (await client.PostAsync($"/api/v1/rules/{third}/move", new { direction = "up" })).ReadAsync<RuleView>();
        var stays = await (await client.PostAsync($"/api/v1/rules/{first}/move", new { direction = "up" })).ReadAsync<RuleView>();

        var rules = await client.GetAsync<List<RuleView>>("/api/v1/rules");
        var triggers = rules.Where(r => r.Kind == RuleKind.Trigger && r.Name.StartsWith("Order", StringComparison.Ordinal)).ToList();
        Assert.Equal([("Order first", 10), ("Order third", 20), ("Order second", 30)], triggers.Select(r => (r.Name, r.Position)));
        Assert.Equal((third, 20), (moved.Id, moved.Position));
        Assert.Equal((first, 10), (stays.Id, stays.Position));
        Assert.Equal(1, rules.Single(r => r.Id == automation).Position);

        var history = await client.GetAsync<List<ConfigurationChangeView>>($"/api/v1/configuration-changes?kind=rule&id={third}");
        var position = JsonDocument.Parse(history[0].Summary).RootElement.GetProperty("position");
        Assert.Equal((7, 20), (position.GetProperty("from").GetInt32(), position.GetProperty("to").GetInt32()));
        Assert.Equal(["updated", "created"], history.Select(c => c.Action));
        Assert.Equal(30, rules.Single(r => r.Id == second).Position);
    }

    [Fact]
    public async Task Moving_an_automation_down_orders_it_among_automations_only()
    {
        var client = await app.ClientAsync();
        var early = await CreateAsync(client, "Timer early", 1, automation: true);
        var late = await CreateAsync(client, "Timer late", 2, automation: true);

        (await client.PostAsync($"/api/v1/rules/{early}/move", new { direction = "down" })).EnsureSuccessStatusCode();

        var automations = (await client.GetAsync<List<RuleView>>("/api/v1/rules")).Where(r => r.Kind == RuleKind.Automation).ToList();
        Assert.True(automations.FindIndex(r => r.Id == late) < automations.FindIndex(r => r.Id == early));
        Assert.Equal([.. Enumerable.Range(1, automations.Count).Select(i => i * 10)], automations.Select(r => r.Position));
    }

    [Fact]
    public async Task A_bad_direction_is_a_400_naming_it_an_unknown_rule_a_404_and_agents_may_not_reorder()
    {
        var client = await app.ClientAsync();
        var rule = await CreateAsync(client, "Direction check", 50);

        var bad = await (await client.PostAsync($"/api/v1/rules/{rule}/move", new { direction = "sideways" })).ProblemAsync(HttpStatusCode.BadRequest);
        var missing = await client.PostAsync("/api/v1/rules/999999/move", new { direction = "up" });
        var agent = await (await app.ClientAsync(AgentRole.Agent)).PostAsync($"/api/v1/rules/{rule}/move", new { direction = "up" });

        Assert.Contains("direction", bad.Errors!.Keys);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
    }

    /// <summary>
    /// Both requests would read the order before either writes if nothing serialized them (the gate holds the first
    /// reader until the second has read too, or for a few seconds); then B up and C up computed from the same stale
    /// order leave two rules at one position. Serialized, the result is one of the two orders of doing them one by one.
    /// </summary>
    [Fact]
    public async Task Two_admins_moving_neighbouring_rules_at_once_never_leave_two_rules_at_one_position()
    {
        var client = await app.ClientAsync();
        var existing = (await client.GetAsync<List<RuleView>>("/api/v1/rules")).Where(r => r.Kind == RuleKind.Trigger).ToList();
        foreach (var r in existing)
        {
            (await client.DeleteAsync($"/api/v1/rules/{r.Id}")).EnsureSuccessStatusCode();
        }

        var a = await CreateAsync(client, "Race A", 10);
        var b = await CreateAsync(client, "Race B", 20);
        var c = await CreateAsync(client, "Race C", 30);
        var d = await CreateAsync(client, "Race D", 40);

        var answers = await app.Gate.RaceAsync(() => Task.WhenAll(
            client.PostAsync($"/api/v1/rules/{b}/move", new { direction = "up" }),
            client.PostAsync($"/api/v1/rules/{c}/move", new { direction = "up" })));

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var triggers = (await client.GetAsync<List<RuleView>>("/api/v1/rules")).Where(r => r.Kind == RuleKind.Trigger).ToList();
        Assert.Equal([10, 20, 30, 40], triggers.Select(r => r.Position));
        long[] bFirst = [b, c, a, d];
        long[] cFirst = [a, b, c, d];
        var order = triggers.Select(r => r.Id).ToArray();
        Assert.True(order.SequenceEqual(bFirst) || order.SequenceEqual(cFirst), $"Order {string.Join(",", order)} is not one of doing the moves one after the other.");
    }

    private static async Task<long> CreateAsync(HttpClient client, string name, int position, bool automation = false) =>
        (await (await client.PostAsync("/api/v1/rules", automation
            ? new
            {
                name, position, kind = "automation",
                conditions = new { all = new object[] { new { field = "status", op = "is", value = "pending" }, new { field = "hours_since_status_change", op = "gte", value = 72 } } },
                actions = new object[] { new { type = "add_tags", tags = new[] { "order-test" } } },
            }
            : (object)new
            {
                name, position, events = new[] { "ticket.created" },
                conditions = new { all = new object[] { new { field = "subject", op = "contains", value = "order-test" } } },
                actions = new object[] { new { type = "add_tags", tags = new[] { "order-test" } } },
            })).ReadAsync<RuleView>(HttpStatusCode.Created)).Id;

    /// <summary>While a race is on, the first read of the rule order waits (at most a few seconds) for a second one.</summary>
    public sealed class OrderReadGate : DbCommandInterceptor
    {
        private readonly Lock gate = new();
        private bool on;
        private int arrived;
        private TaskCompletionSource secondRead = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<HttpResponseMessage[]> RaceAsync(Func<Task<HttpResponseMessage[]>> race)
        {
            lock (gate)
            {
                (on, arrived, secondRead) = (true, 0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            try
            {
                return await race();
            }
            finally
            {
                lock (gate)
                {
                    on = false;
                }
            }
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Task? wait = null;
            lock (gate)
            {
                if (on && command.CommandText.Contains("FROM \"Rules\"", StringComparison.Ordinal)
                    && command.CommandText.Contains("ORDER BY", StringComparison.Ordinal) && arrived < 2)
                {
                    arrived++;
                    if (arrived == 2)
                    {
                        secondRead.TrySetResult();
                    }
                    else
                    {
                        wait = secondRead.Task;
                    }
                }
            }

            if (wait is not null)
            {
                try
                {
                    await wait.WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Serialized: the other request cannot read until this one commits.
                }
            }

            return result;
        }
    }
}
