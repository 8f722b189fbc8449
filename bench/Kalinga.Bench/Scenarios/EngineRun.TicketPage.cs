using System.Diagnostics;
using Kalinga.Bench.Report;
using Kalinga.Bench.Server;
using Microsoft.Playwright;

namespace Kalinga.Bench.Scenarios;

/// <summary>
/// The agent ticket page of a 50-message ticket in real Chromium: what wrk cannot measure, since the conversation is
/// rendered over the page's Blazor circuit.
/// </summary>
public sealed partial class EngineRun
{
    private LongConversations? longConversations;

    /// <summary>The tickets brought to 50 messages, once per run: the agent and ticketpage scenarios share them.</summary>
    private async Task<LongConversations> LongConversationsAsync(ServerProcess server, string token)
    {
        if (longConversations is null)
        {
            var longer = new LongConversations(workload, options.Smoke ? 2 : 20);
            say($"  lengthening {(options.Smoke ? 2 : 20)} tickets to {LongConversations.Messages} messages via the replies and notes API");
            await longer.CreateAsync(server.BaseAddress, token);
            // The replies and notes raised events; delivering them would otherwise run into the measurements that follow.
            var drained = await DrainEventsAsync();
            say($"    their events delivered {drained.TotalSeconds:0.0} s later");

            // The desk has no SMTP mailbox, so each e-mail reply's delivery failed and would be retried 10, 20, 40, 80 s
            // later, in the middle of the page measurements; those retries are put off past the run.
            var retries = await database.CountOnRunCopyAsync(LongConversations.WaitingRetriesSql);
            await database.ExecuteOnRunCopyAsync(LongConversations.PostponeRetriesSql);
            say($"    {retries:N0} failed deliveries (no SMTP mailbox in the bench desk) put off past the run");
            longConversations = longer;
        }

        return longConversations;
    }

    /// <summary>
    /// One signed-in Chromium tab opens the 50-message tickets in turn, first each as a new page (shell, blazor.web.js,
    /// a new circuit, the ticket's load and render), then from one ticket to the next within one circuit. Each row times
    /// every open in the page (navigation start to the 50th message in the DOM) and divides the server's CPU time over
    /// the opens by their number.
    /// </summary>
    private async Task MeasureTicketPageAsync(ServerProcess server, string token)
    {
        var paths = (await LongConversationsAsync(server, token)).AgentPagePaths;
        if (paths.Count < 2)
        {
            throw new InvalidOperationException($"ticketpage needs two tickets of {LongConversations.Messages} messages to go from one to the other; the desk gave {paths.Count}.");
        }

        var agent = workload.SignInAgent;
        var password = await AgentSession.SetPasswordAsync(server.BaseAddress, token, agent);
        await using var browser = await TicketPageBrowser.SignInAsync(server.BaseAddress, agent.Email, password, LongConversations.Messages, TimeSpan.FromSeconds(30));
        var messages = LongConversations.Messages;

        await MeasureOpensAsync(server, browser, $"agent ticket page, {messages} messages, new page load in Chromium (navigation start → {messages}th message in the DOM; shell + circuit start + render)",
            paths, browser.LoadAsync, circuitsPerOpen: 1);

        // The tab is on a ticket and its circuit is up: the next tickets open the way an agent goes from one to the next.
        await browser.LoadAsync(paths[^1]);
        await MeasureOpensAsync(server, browser, $"agent ticket page, {messages} messages, opened from another ticket in the same circuit (link navigation → {messages}th message in the DOM)",
            paths, browser.NavigateAsync, circuitsPerOpen: 0);
    }

    private async Task MeasureOpensAsync(ServerProcess server, TicketPageBrowser browser, string scenario, IReadOnlyList<string> paths, Func<string, Task<double>> open, int circuitsPerOpen)
    {
        say($"  {scenario}, 1 client");
        var next = 0;
        string Next() => paths[next++ % paths.Count];

        // Every ticket once (the probe: a page that does not show its conversation fails the run here), then the warm-up.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < paths.Count || warm.Elapsed < options.Warmup; i++)
        {
            await OpenAsync(browser, open, Next());
        }

        var minimum = options.Smoke ? 4 : 20;
        var load = Machine.LoadAverage();
        var circuits = browser.Circuits;
        var times = new List<double>();
        var cpuBefore = server.CpuTime();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < options.Duration || times.Count < minimum)
        {
            times.Add(await OpenAsync(browser, open, Next()));
        }

        var elapsed = clock.Elapsed;
        var cpu = server.CpuTime() - cpuBefore;
        if (browser.Circuits - circuits != circuitsPerOpen * times.Count)
        {
            throw new InvalidOperationException($"{times.Count} opens started {browser.Circuits - circuits} circuits, not {circuitsPerOpen * times.Count}: the page did not open as the row says.");
        }

        times.Sort();
        Add(new Measurement
        {
            Scenario = scenario,
            Engine = database.Engine,
            Clients = 1,
            Value = times.Count / elapsed.TotalSeconds,
            Unit = "opens/s",
            P50 = Percentile(times, 0.50),
            P95 = Percentile(times, 0.95),
            P99 = Percentile(times, 0.99),
            Requests = times.Count,
            Errors = 0,
            CpuMsPerRequest = cpu.TotalMilliseconds / times.Count,
            Target = Target.CpuWithin(200),
            LoadAverage = load,
        });
    }

    private static async Task<double> OpenAsync(TicketPageBrowser browser, Func<string, Task<double>> open, string path)
    {
        try
        {
            return await open(path);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{path} did not show its conversation: {e.Message}\n{await browser.DescribeAsync()}", e);
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"{path} did not open: {e.Message}\n{await browser.DescribeAsync()}", e);
        }
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
