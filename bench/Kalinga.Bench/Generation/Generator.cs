using System.Diagnostics;

namespace Kalinga.Bench.Generation;

/// <summary>
/// Fills a migrated, empty database with a generated desk of N tickets. Batches of tickets are made on every core
/// while the loader writes the previous ones in order, so generation costs about what writing costs.
/// </summary>
public static class Generator
{
    private const int BatchSize = 1_000;

    public static async Task<TimeSpan> FillAsync(Plan plan, IBulkLoader loader, Action<string> progress)
    {
        var clock = Stopwatch.StartNew();
        var desk = new DeskRows(plan);
        await loader.BeginAsync();
        await loader.WriteDeskAsync(desk);
        progress($"desk written: {plan.Agents.Count} agents, {plan.Organizations.Count:N0} organizations, {plan.Customers.Count:N0} customers ({clock.Elapsed.TotalSeconds:0.0} s)");

        var maker = new TicketMaker(plan);
        var messages = new IdSequence(1);
        var events = new IdSequence(desk.FirstTicketEventId);
        var batches = (plan.Tickets + BatchSize - 1) / BatchSize;
        var ahead = new Queue<Task<TicketBatch>>();
        var next = 0;
        var written = 0;
        long messageCount = 0;
        var lastReport = clock.Elapsed;
        while (next < batches || ahead.Count > 0)
        {
            while (next < batches && ahead.Count < Environment.ProcessorCount * 2)
            {
                var first = next++ * BatchSize;
                ahead.Enqueue(Task.Run(() => maker.Make(first, BatchSize)));
            }

            var batch = await ahead.Dequeue();
            batch.Stamp(messages, events);
            await loader.WriteAsync(batch);
            written += batch.Tickets.Count;
            messageCount += batch.Messages.Count;
            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = clock.Elapsed;
                progress($"{written:N0} of {plan.Tickets:N0} tickets, {messageCount:N0} messages ({clock.Elapsed.TotalSeconds:0} s)");
            }
        }

        progress($"{written:N0} tickets and {messageCount:N0} messages written ({clock.Elapsed.TotalSeconds:0.0} s); building indexes");
        await loader.FinishAsync(plan);
        return clock.Elapsed;
    }
}
