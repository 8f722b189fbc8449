using Kalinga.Bench.Load;
using Kalinga.Bench.Report;
using Kalinga.Bench.Server;

namespace Kalinga.Bench.Scenarios;

/// <summary>The scenarios that write: SLA clocks raised by the scanner, tickets created (plain and routed), and the wait for the dispatcher.</summary>
public sealed partial class EngineRun
{
    /// <summary>
    /// A running SLA clock on every ticket, one in <see cref="SlaClocks.DueEvery"/> past its warning time: the server's
    /// CPU while the scanner raises those warnings (and the dispatcher handles them), then over a quiet minute.
    /// </summary>
    private async Task ScanSlaClocksAsync(ServerProcess server, string token)
    {
        var clocks = workload.Plan.Tickets;
        var due = clocks / SlaClocks.DueEvery;
        say($"  SLA scanner: a running clock on each of {clocks:N0} tickets, {due:N0} past their warning time");
        var insert = System.Diagnostics.Stopwatch.StartNew();
        await database.ExecuteOnRunCopyAsync(SlaClocks.InsertSql(database.Engine));
        say($"    inserted in {insert.Elapsed.TotalSeconds:N1} s");

        // The scanner runs every 30 seconds: a window of 65 seconds holds at least two passes.
        foreach (var (what, seconds) in new[] { ($"{due:N0} due warnings raised", 65), ("quiet, nothing due", options.Smoke ? 31 : 60) })
        {
            var load = Machine.LoadAverage();
            var before = server.CpuTime();
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var cpu = server.CpuTime() - before;
            Add(new Measurement
            {
                Scenario = $"SLA scanner with {clocks:N0} running clocks: {what} (server CPU over {seconds} s, dispatch included)",
                Engine = database.Engine,
                Value = cpu.TotalMilliseconds,
                Unit = "ms CPU",
                LoadAverage = load,
            });
        }

        // The warnings must have been raised, or the figures above measured nothing.
        var atRisk = await Probe.GetAsync(server.BaseAddress, $"/api/v1/tickets?sla=at_risk&limit={Math.Min(due, 200)}", token);
        var found = System.Text.Json.JsonDocument.Parse(atRisk).RootElement.GetProperty("items").GetArrayLength();
        if (found < Math.Min(due, 200))
        {
            throw new InvalidOperationException($"The SLA scanner raised {found} warnings of {due} due within two minutes.");
        }
    }

    /// <summary>
    /// New tickets through the API, at 1 and 16 clients, then (routed) the same with a default queue that round-robins
    /// to online agents; each run waits until the dispatcher has delivered every event the tickets caused, so the CPU
    /// per ticket includes SLA, rules, routing and push. The difference between the two 16-client runs is the routing cost.
    /// </summary>
    private async Task CreateTicketsAsync(ServerProcess server, string token)
    {
        var bodies = workload.NewTickets(200);
        var probeBody = bodies[0].Replace("{unique}", "probe", StringComparison.Ordinal);
        var script = Lua.PostRotating("/api/v1/tickets", bodies, token);
        Func<Task<TimeSpan>> drain = DrainEventsAsync;
        Measurement? plain = null;
        if (Runs("create"))
        {
            await LoadAsync(server, "create ticket via API", 1, script, null, () => Probe.PostAsync(server.BaseAddress, "/api/v1/tickets", probeBody, token), drain);
            plain = await LoadAsync(server, "create ticket via API", Clients, script, Target.AtLeast(2_000), () => Task.FromResult(""), drain);
        }

        if (!Runs("routed"))
        {
            return;
        }

        var routed = new RoutedDesk(server.BaseAddress, token, workload.Plan);
        await routed.ConfigureAsync();
        await DrainEventsAsync();
        var heldBefore = await routed.HeldAsync();
        var m = await LoadAsync(server, $"create ticket via API, routed ({routed.Describe()})", Clients, script, Target.AtLeast(2_000),
            () => Probe.PostAsync(server.BaseAddress, "/api/v1/tickets", probeBody, token), drain);
        var waiting = await routed.WaitingAsync();
        var held = await routed.HeldAsync();
        say($"    routed: the team's agents took {held - heldBefore:N0} tickets during the run (capacity {RoutedDesk.Capacity} per channel each); {waiting:N0} wait in the queue");
        if (plain is { CpuMsPerRequest: { } without, P50: { } p50 } && m is { CpuMsPerRequest: { } with, P50: { } routedP50 })
        {
            Add(new Measurement
            {
                Scenario = "routing cost per new ticket: CPU (routed minus plain create, events included)",
                Engine = database.Engine,
                Clients = Clients,
                Value = with - without,
                Unit = "ms",
                Target = Target.AtMost(5, "ms"),
                LoadAverage = Machine.LoadAverage(),
            });
            Add(new Measurement
            {
                Scenario = "routing cost per new ticket: p50 latency of the request (routed minus plain create)",
                Engine = database.Engine,
                Clients = Clients,
                Value = routedP50 - p50,
                Unit = "ms",
                Target = Target.AtMost(5, "ms"),
                LoadAverage = Machine.LoadAverage(),
            });
        }
    }

    /// <summary>
    /// Waits until the dispatcher has tried every event (read from the database, so it works for any version of the
    /// app); returns how long that took. Events that failed and wait for a retry do not hold the run up, but are reported.
    /// </summary>
    private async Task<TimeSpan> DrainEventsAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var limit = TimeSpan.FromMinutes(options.Smoke ? 2 : 15);
        while (true)
        {
            var waiting = await database.CountOnRunCopyAsync("""SELECT count(*) FROM "Events" WHERE "DispatchedAt" IS NULL AND "Attempts" = 0""");
            if (waiting == 0)
            {
                break;
            }

            if (clock.Elapsed > limit)
            {
                throw new InvalidOperationException($"{waiting:N0} events were still waiting for delivery {limit.TotalMinutes:0} minutes after the load.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        var took = clock.Elapsed;
        var retrying = await database.CountOnRunCopyAsync("""SELECT count(*) FROM "Events" WHERE "DispatchedAt" IS NULL""");
        if (retrying > 0)
        {
            say($"    {retrying:N0} events failed in a handler and wait for a retry (see the server log)");
        }

        return took;
    }
}
