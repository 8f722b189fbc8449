using System.Threading.Channels;
using Kalinga.Data;
using MimeKit;

namespace Kalinga.Channels.Email;

public sealed record ImportItem(string Path, int Index, IntakeOutcome Outcome, string Detail, long? TicketNumber);

public sealed record ImportReport(IReadOnlyList<ImportItem> Items, IReadOnlyList<string> Skipped)
{
    /// <summary>From the first message read to the last one committed: the import without the process around it.</summary>
    public TimeSpan Elapsed { get; init; }

    public int Count(IntakeOutcome outcome) => Items.Count(i => i.Outcome == outcome);

    public string Summary =>
        $"imported {Items.Count}, new tickets {Count(IntakeOutcome.NewTicket)}, threaded {Count(IntakeOutcome.Threaded)}, filtered {Count(IntakeOutcome.Filtered)}, quarantined {Count(IntakeOutcome.Quarantined)}";
}

/// <summary>
/// Imports .eml files, folders of them and mbox files through the same intake as live mail (so threading, filters
/// and quarantine behave the same), in file-name order so that replies follow what they answer. Imported mail is
/// history: no receipt is sent for it.
/// </summary>
/// <remarks>
/// Reading, blob storage and parsing run ahead on other threads, in order, while messages are stored in batches of
/// <see cref="BatchSize"/>, each batch in one transaction with one save (see <see cref="EmailIntake.StoreBatchAsync"/>):
/// a commit per message (two, with the e-mail record) was most of an import's time, and then two or three saves per
/// message were. When any message of a batch fails, even in the database at the save, the batch is rolled back and
/// its messages are stored again one by one, each in its own transactions as live mail is, so one bad message is
/// quarantined with the reason and never costs the others (see <see cref="EmailIntake.StoreAsync"/>). On SQLite the
/// write-ahead log is copied back into the database on another thread while the batches commit
/// (<see cref="BackgroundCheckpoints"/>), instead of inside every other commit.
/// </remarks>
public sealed class ImportMail(IServiceScopeFactory scopes, ILogger<ImportMail> logger)
{
    public const int BatchSize = 100;

    // Enough parsed messages in flight for the storing loop to find a whole batch waiting, few enough to bound memory.
    private const int ReadAhead = 2 * BatchSize;

    public async Task<ImportReport> HandleAsync(IEnumerable<string> paths, long? mailboxId, CancellationToken ct)
    {
        var items = new List<ImportItem>();
        var skipped = new List<string>();
        var source = new IntakeSource("import", mailboxId, MayAnswer: false);
        await using var preparing = scopes.CreateAsyncScope();
        var preparer = preparing.ServiceProvider.GetRequiredService<EmailIntake>();
        await using var checkpoints = BackgroundCheckpoints.Start(preparing.ServiceProvider.GetRequiredService<KalingaDb>(), logger);
        var queue = System.Threading.Channels.Channel.CreateBounded<Pending>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var reading = Task.Run(() => ReadAsync(paths, preparer, queue.Writer, skipped, stop.Token), stop.Token);
        try
        {
            var batch = new List<Pending>(BatchSize);
            while (await queue.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < BatchSize && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await StoreAsync(batch, source, items, ct);
                batch.Clear();
            }
        }
        catch
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        await reading;
        return new ImportReport(items, skipped) { Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started) };
    }

    private sealed record Pending(string File, int Index, Task<PreparedMail> Prepared);

    private static async Task ReadAsync(IEnumerable<string> paths, EmailIntake preparer, ChannelWriter<Pending> queue, List<string> skipped, CancellationToken ct)
    {
        try
        {
            foreach (var path in paths.Select(Path.GetFullPath))
            {
                var files = Directory.Exists(path)
                    ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList()
                    : File.Exists(path) ? [path] : [];
                if (files.Count == 0)
                {
                    skipped.Add($"{path}: no such file or folder");
                }

                foreach (var file in files)
                {
                    var index = 0;
                    await foreach (var raw in MessagesIn(file, ct))
                    {
                        await queue.WriteAsync(new Pending(file, index++, Task.Run(() => preparer.PrepareAsync(raw, ct), ct)), ct);
                    }
                }
            }

            queue.Complete();
        }
        catch (Exception e)
        {
            queue.Complete(e);
            throw;
        }
    }

    private async Task StoreAsync(List<Pending> batch, IntakeSource source, List<ImportItem> items, CancellationToken ct)
    {
        var results = new List<ImportItem>(batch.Count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
            var intake = scope.ServiceProvider.GetRequiredService<EmailIntake>();
            db.Database.AutoSavepointsEnabled = false;
            var prepared = new List<PreparedMail>(batch.Count);
            foreach (var pending in batch)
            {
                prepared.Add(await pending.Prepared);
            }

            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await BackgroundCheckpoints.PauseAutomaticAsync(db, ct);
                var stored = await intake.StoreBatchAsync(prepared, source, ct);
                results.AddRange(batch.Select((pending, i) => new ImportItem(pending.File, pending.Index, stored[i].Outcome, stored[i].Detail, stored[i].TicketNumber)));
                await transaction.CommitAsync(ct);
            }
            finally
            {
                await BackgroundCheckpoints.ResumeAutomaticAsync(db, ct);
            }

            items.AddRange(results);
            return;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Rolled back whole; below, each message goes on its own, and whatever fails now is quarantined alone.
        }

        foreach (var pending in batch)
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<EmailIntake>().StoreAsync(await pending.Prepared, source, ct);
            items.Add(new ImportItem(pending.File, pending.Index, result.Outcome, result.Detail, result.TicketNumber));
        }
    }

    /// <summary>
    /// One message per plain file; every message of an mbox file (one that starts with a "From " line, RFC 4155).
    /// If an mbox breaks off in the middle, the rest of the file is handed on as one message, to be quarantined.
    /// </summary>
    private static async IAsyncEnumerable<byte[]> MessagesIn(string file, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var head = new byte[5];
        await using (var probe = File.OpenRead(file))
        {
            await probe.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }

        if (!head.AsSpan().SequenceEqual("From "u8))
        {
            yield return await File.ReadAllBytesAsync(file, ct);
            yield break;
        }

        await using var stream = File.OpenRead(file);
        var parser = new MimeParser(stream, MimeFormat.Mbox);
        long end = 0;
        while (!parser.IsEndOfStream)
        {
            byte[]? raw;
            try
            {
                var message = await parser.ParseMessageAsync(ct);
                using var buffer = new MemoryStream();
                await message.WriteToAsync(buffer, ct);
                raw = buffer.ToArray();
                end = parser.Position;
            }
            catch (FormatException)
            {
                raw = null;
            }

            if (raw is null)
            {
                await using var rest = File.OpenRead(file);
                rest.Seek(end, SeekOrigin.Begin);
                using var buffer = new MemoryStream();
                await rest.CopyToAsync(buffer, ct);
                yield return buffer.ToArray();
                yield break;
            }

            yield return raw;
        }
    }

    /// <summary>The <c>import-mail PATH… [--mailbox ID]</c> verb; ends with the summary line.</summary>
    public static async Task<int> RunVerbAsync(IServiceProvider services, IReadOnlyList<string> paths, long? mailbox, CancellationToken ct)
    {
        if (paths.Count == 0)
        {
            await Console.Error.WriteLineAsync("usage: import-mail PATH... [--mailbox ID]   (files, folders, mbox files)");
            return 2;
        }

        var report = await services.GetRequiredService<ImportMail>().HandleAsync(paths, mailbox, ct);
        foreach (var line in report.Skipped)
        {
            await Console.Error.WriteLineAsync("skipped " + line);
        }

        // For the benchmark: the rate without process start, and the CPU the whole process used (all threads).
        var seconds = report.Elapsed.TotalSeconds;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"timing: {report.Items.Count} messages in {seconds:0.000} s after start ({(seconds > 0 ? report.Items.Count / seconds : 0):0} msg/s); process CPU {cpu.TotalSeconds:0.000} s"));
        Console.WriteLine(report.Summary);
        return report.Skipped.Count == 0 ? 0 : 1;
    }
}
