using MimeKit;

namespace Kalinga.Channels.Email;

public sealed record ImportItem(string Path, int Index, IntakeOutcome Outcome, string Detail, long? TicketNumber);

public sealed record ImportReport(IReadOnlyList<ImportItem> Items, IReadOnlyList<string> Skipped)
{
    public int Count(IntakeOutcome outcome) => Items.Count(i => i.Outcome == outcome);

    public string Summary =>
        $"imported {Items.Count}, new tickets {Count(IntakeOutcome.NewTicket)}, threaded {Count(IntakeOutcome.Threaded)}, filtered {Count(IntakeOutcome.Filtered)}, quarantined {Count(IntakeOutcome.Quarantined)}";
}

/// <summary>
/// Imports .eml files, folders of them and mbox files through the same intake as live mail (so threading, filters
/// and quarantine behave the same), in file-name order so that replies follow what they answer. Imported mail is
/// history: no receipt is sent for it.
/// </summary>
public sealed class ImportMail(IServiceScopeFactory scopes)
{
    public async Task<ImportReport> HandleAsync(IEnumerable<string> paths, long? mailboxId, CancellationToken ct)
    {
        var items = new List<ImportItem>();
        var skipped = new List<string>();
        var source = new IntakeSource("import", mailboxId, MayAnswer: false);
        foreach (var path in paths.Select(Path.GetFullPath))
        {
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)
                : File.Exists(path) ? [path] : Enumerable.Empty<string>();
            if (!files.Any())
            {
                skipped.Add($"{path}: no such file or folder");
            }

            foreach (var file in files)
            {
                var index = 0;
                await foreach (var raw in MessagesIn(file, ct))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var result = await scope.ServiceProvider.GetRequiredService<EmailIntake>().HandleAsync(raw, source, ct);
                    items.Add(new ImportItem(file, index++, result.Outcome, result.Detail, result.TicketNumber));
                }
            }
        }

        return new ImportReport(items, skipped);
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

        Console.WriteLine(report.Summary);
        return report.Skipped.Count == 0 ? 0 : 1;
    }
}
