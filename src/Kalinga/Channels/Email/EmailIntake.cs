using System.Data.Common;
using System.Net.Sockets;
using Kalinga.Attachments;
using Kalinga.Customers;
using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kalinga.Channels.Email;

public enum IntakeOutcome
{
    NewTicket,
    Threaded,

    /// <summary>A duplicate, a bounce or a loop: recorded, but no new ticket message.</summary>
    Filtered,
    Quarantined,
}

public sealed record IntakeResult(IntakeOutcome Outcome, string Detail, long? TicketNumber = null, long? MessageId = null, long? SetAsideId = null);

/// <summary>Where a raw message came from: imap, pop3, raw or import. <c>MayAnswer</c> is false for imported archives.</summary>
public sealed record IntakeSource(string Kind, long? MailboxId, bool MayAnswer = true);

/// <summary>
/// Every inbound e-mail, from any transport, goes through here: keep the raw bytes, parse, filter, hand the result
/// to the channel-agnostic <see cref="ReceiveInbound"/>, then write the e-mail record. Whatever is wrong with the
/// message ends as a set-aside row with a reason; only infrastructure failures (database, disk, network) escape,
/// so the transport leaves the message on the server and tries again.
/// </summary>
public sealed class EmailIntake(
    KalingaDb db, IBlobStore blobs, MailParser parser, IEnumerable<IInboundEmailFilter> filters, ReceiveInbound receive,
    RecordInboundEmail record, MarkBounced bounces, MessageBody body, IOptions<EmailOptions> options, TimeProvider clock)
{
    // Mailboxes change rarely, and a scope lives for one message or one import batch: read them once per scope.
    private List<OwnMailbox>? own;
    private readonly Dictionary<long, Mailbox?> mailboxes = [];

    public async Task<IntakeResult> HandleAsync(byte[] raw, IntakeSource source, CancellationToken ct) =>
        await StoreAsync(await PrepareAsync(raw, ct), source, ct);

    /// <summary>
    /// The half of the intake that needs no database: keep the raw bytes and the attachments in the blob store, parse,
    /// sanitize the HTML and detect the language. It may run ahead of <see cref="StoreAsync"/>, on other threads (an
    /// import prepares while it stores, so this CPU work stays out of the storing loop); a message that cannot be used
    /// comes back with the reason it is to be quarantined.
    /// </summary>
    public async Task<PreparedMail> PrepareAsync(byte[] raw, CancellationToken ct)
    {
        var blob = await blobs.PutAsync(new MemoryStream(raw, writable: false), ct);
        if (raw.Length > options.Value.MaxMessageBytes)
        {
            return new PreparedMail(blob, null, [], $"The message has {raw.Length} bytes, more than the {options.Value.MaxMessageBytes} allowed.");
        }

        ParsedMail mail;
        string text;
        string? html;
        try
        {
            mail = parser.Parse(raw);
            (text, html) = body.From(Shorten(mail.Text), Shorten(mail.Html));
        }
        catch (MailRejectedException e)
        {
            return new PreparedMail(blob, null, [], e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new PreparedMail(blob, null, [], $"The parser failed ({e.GetType().Name}): {e.Message}");
        }

        var files = new List<(MailFile File, StoredBlob Blob)>(mail.Files.Count);
        foreach (var file in mail.Files)
        {
            files.Add((file, await blobs.PutAsync(new MemoryStream(file.Content, writable: false), ct)));
        }

        return new PreparedMail(blob, mail, files, null)
        {
            Text = text,
            Html = html,
            Language = Languages.Normalize(mail.Language) ?? LanguageDetector.Detect(mail.Subject + "\n" + mail.Text),
        };
    }

    /// <summary>
    /// Filters, threads and stores a prepared message. Alone, a message the storing step refuses is quarantined with
    /// the reason. Inside a caller's transaction (an import commits a batch of messages at once) the refusal escapes
    /// instead: the caller rolls the batch back and stores its messages again one by one, which is rarer and cheaper
    /// than a savepoint around every message.
    /// </summary>
    public async Task<IntakeResult> StoreAsync(PreparedMail prepared, IntakeSource source, CancellationToken ct)
    {
        var blob = prepared.Blob;
        if (prepared.Mail is not { } mail)
        {
            return await SetAsideAsync(SetAsideKind.Quarantined, prepared.Rejection!, blob, source, null, ct);
        }

        own ??= await db.Mailboxes.AsNoTracking().Select(m => new OwnMailbox(m.Id, m.Address)).ToListAsync(ct);
        var context = new FilterContext([.. own.Select(m => m.Address)], options.Value.MaxReceivedHops);
        var verdicts = filters.Select(f => f.Inspect(mail, context)).OfType<FilterVerdict>().ToList();
        if (verdicts.Find(v => v.Action == FilterAction.Bounce) is { } bounce)
        {
            return await SetAsideAsync(SetAsideKind.Bounce, bounce.Reason, blob, source, mail, ct, await bounces.HandleAsync(bounce, ct));
        }

        if (verdicts.Find(v => v.Action == FilterAction.StopLoop) is { } loop)
        {
            return await SetAsideAsync(SetAsideKind.Loop, loop.Reason, blob, source, mail, ct);
        }

        var (item, mailbox) = await InboundAsync(prepared, mail, source, context, verdicts, ct);
        var inBatch = db.Database.CurrentTransaction is not null;
        var automated = verdicts.Find(v => v.Action == FilterAction.NoAutoResponse)?.Reason;
        InboundResult result;
        try
        {
            result = await receive.HandleAsync(item, ct);
        }
        catch (Exception e) when (!IsTransient(e) && !inBatch)
        {
            db.ChangeTracker.Clear();
            return await SetAsideAsync(SetAsideKind.Quarantined, e is RuleException rule ? $"{rule.Field}: {rule.Message}" : $"Storing failed ({e.GetType().Name}): {e.GetBaseException().Message}", blob, source, mail, ct);
        }

        if (result.Outcome == InboundOutcome.AutomatedOnClosed)
        {
            var aside = await SetAsideAsync(SetAsideKind.AutoReply, AutoReplyOnClosed(result.TicketNumber, automated), blob, source, mail, ct);
            return aside with { TicketNumber = result.TicketNumber };
        }

        await record.HandleAsync(result, mail, blob, mailbox, automated, source.MayAnswer, ct);
        return Result(result, mail);
    }

    private static string AutoReplyOnClosed(long number, string? automated) =>
        $"An auto-reply to closed ticket #{number}; it opens no follow-up ticket and is never answered ({automated}).";

    private static IntakeResult Result(InboundResult result, ParsedMail mail)
    {
        var outcome = result.Outcome switch
        {
            InboundOutcome.NewTicket => IntakeOutcome.NewTicket,
            InboundOutcome.Threaded => IntakeOutcome.Threaded,
            _ => IntakeOutcome.Filtered,
        };
        return new IntakeResult(outcome, result.Outcome == InboundOutcome.Duplicate ? $"duplicate of {mail.MessageId}" : result.Outcome.ToString(), result.TicketNumber, result.MessageId);
    }

    // The channel-agnostic item of a message that passed the filters, and the mailbox it came to.
    private async Task<(InboundMessage Item, Mailbox? Mailbox)> InboundAsync(PreparedMail prepared, ParsedMail mail, IntakeSource source, FilterContext context, List<FilterVerdict> verdicts, CancellationToken ct)
    {
        var recipients = mail.DeliveredTo.Concat(mail.To).Concat(mail.Cc).ToList();
        var mailboxId = source.MailboxId ?? own!.Find(m => recipients.Select(ReplyAddress.Untagged).Contains(m.Address))?.Id;
        var mailbox = mailboxId is null ? null : await MailboxAsync(mailboxId.Value, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var attachments = prepared.Files
            .Select(f => new Attachment(f.File.FileName, f.File.ContentType, f.Blob.Length, f.Blob.Sha256, Actor.System, now) { ContentId = f.File.ContentId })
            .ToList();

        var language = prepared.Language ?? Languages.Normalize(mailbox?.DefaultLanguage);
        var item = new InboundMessage(Channel.Email, new CustomerRef(Email: mail.FromAddress, Name: mail.FromName, Language: language), mail.Subject, prepared.Text)
        {
            Html = prepared.Html,
            BodyIsClean = true,
            ExternalId = mail.MessageId,
            TicketNumber = ReplyAddress.Find(recipients, context.OwnAddresses) ?? TicketToken.FromSubject(mail.Subject),
            InReplyTo = [.. new[] { mail.InReplyTo }.OfType<string>().Concat(mail.References.Reverse()).Distinct().Take(50)],
            Attachments = attachments,
            Automated = verdicts.Exists(v => v.Action == FilterAction.NoAutoResponse),
        };
        return (item, mailbox);
    }

    /// <summary>
    /// Stores a batch of prepared messages (an import) inside the caller's transaction with one save: the senders,
    /// duplicates, continued tickets and ticket numbers of the whole batch are found at once (see
    /// <see cref="ReceiveInbound.HandleBatchAsync"/>), then tickets, messages, events, e-mail records, set-aside rows
    /// and search rows are written together. Whatever fails escapes: the caller rolls back and stores the messages one
    /// by one with <see cref="StoreAsync"/>, where a message that fails alone is quarantined with the reason.
    /// </summary>
    public async Task<IReadOnlyList<IntakeResult>> StoreBatchAsync(IReadOnlyList<PreparedMail> batch, IntakeSource source, CancellationToken ct)
    {
        own ??= await db.Mailboxes.AsNoTracking().Select(m => new OwnMailbox(m.Id, m.Address)).ToListAsync(ct);
        var context = new FilterContext([.. own.Select(m => m.Address)], options.Value.MaxReceivedHops);
        var results = new Func<IntakeResult>[batch.Count];
        var asides = new Dictionary<string, SetAsideMail>(StringComparer.Ordinal);
        var inbound = new List<(int Index, InboundMessage Item, ParsedMail Mail, Mailbox? Mailbox, string? Automated)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var prepared = batch[i];
            if (prepared.Mail is not { } mail)
            {
                results[i] = await SetAsideLaterAsync(SetAsideKind.Quarantined, prepared.Rejection!, prepared.Blob, source, null, asides, ct);
                continue;
            }

            var verdicts = filters.Select(f => f.Inspect(mail, context)).OfType<FilterVerdict>().ToList();
            if (verdicts.Find(v => v.Action == FilterAction.Bounce) is { } bounce)
            {
                // A bounce kept before changes nothing again.
                results[i] = await SetAsideLaterAsync(SetAsideKind.Bounce, bounce.Reason, prepared.Blob, source, mail, asides, ct,
                    () => bounces.HandleAsync(bounce, ct));
                continue;
            }

            if (verdicts.Find(v => v.Action == FilterAction.StopLoop) is { } loop)
            {
                results[i] = await SetAsideLaterAsync(SetAsideKind.Loop, loop.Reason, prepared.Blob, source, mail, asides, ct);
                continue;
            }

            var (item, mailbox) = await InboundAsync(prepared, mail, source, context, verdicts, ct);
            inbound.Add((i, item, mail, mailbox, verdicts.Find(v => v.Action == FilterAction.NoAutoResponse)?.Reason));
        }

        var received = await receive.HandleBatchAsync([.. inbound.Select(x => x.Item)], ct);
        // The messages threaded onto tickets read from the database are tracked from here on, so that each e-mail
        // record can point at its message's temporary key.
        db.ChangeTracker.DetectChanges();
        for (var j = 0; j < inbound.Count; j++)
        {
            var (i, _, mail, mailbox, automated) = inbound[j];
            var stored = received[j];
            if (stored.Outcome == InboundOutcome.AutomatedOnClosed)
            {
                var number = stored.Result.TicketNumber;
                var aside = await SetAsideLaterAsync(SetAsideKind.AutoReply, AutoReplyOnClosed(number, automated), batch[i].Blob, source, mail, asides, ct);
                results[i] = () => aside() with { TicketNumber = number };
                continue;
            }

            await record.AddAsync(stored, mail, batch[i].Blob, mailbox, automated, source.MayAnswer, ct);
            results[i] = () => Result(stored.Result, mail);
        }

        await db.SaveChangesAsync(ct);
        return [.. results.Select(r => r())];
    }

    public async Task<IntakeResult> QuarantineAsync(byte[] raw, string reason, IntakeSource source, CancellationToken ct) =>
        await SetAsideAsync(SetAsideKind.Quarantined, reason, await blobs.PutAsync(new MemoryStream(raw, writable: false), ct), source, null, ct);

    /// <summary>Keeps a message that did not become a ticket message; the same raw bytes are kept only once.</summary>
    public async Task<IntakeResult> SetAsideAsync(SetAsideKind kind, string reason, StoredBlob blob, IntakeSource source, ParsedMail? mail, CancellationToken ct, long? related = null)
    {
        var existing = await db.SetAsideMail.Where(s => s.RawSha256 == blob.Sha256).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            var row = AddSetAside(kind, reason, blob, source, mail, related);
            await db.SaveChangesAsync(ct);
            return SetAside(row, reason);
        }

        db.ChangeTracker.Clear();
        return DuplicateSetAside(existing.Value);
    }

    // In a batch: the row is saved with the batch, so its result is read afterwards. A bounce's other changes (the
    // failed reply, the bouncing address) are made only when the bounce was not kept before.
    private async Task<Func<IntakeResult>> SetAsideLaterAsync(
        SetAsideKind kind, string reason, StoredBlob blob, IntakeSource source, ParsedMail? mail, Dictionary<string, SetAsideMail> added, CancellationToken ct, Func<Task<long?>>? act = null)
    {
        if (added.TryGetValue(blob.Sha256, out var earlier))
        {
            return () => DuplicateSetAside(earlier.Id);
        }

        if (await db.SetAsideMail.Where(s => s.RawSha256 == blob.Sha256).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct) is { } existing)
        {
            var duplicate = DuplicateSetAside(existing);
            return () => duplicate;
        }

        var row = added[blob.Sha256] = AddSetAside(kind, reason, blob, source, mail, act is null ? null : await act());
        return () => SetAside(row, reason);
    }

    private SetAsideMail AddSetAside(SetAsideKind kind, string reason, StoredBlob blob, IntakeSource source, ParsedMail? mail, long? related)
    {
        var row = new SetAsideMail(kind, reason, blob.Sha256, blob.Length, source.MailboxId, source.Kind, clock.GetUtcNow().UtcDateTime)
        {
            FromAddress = mail?.FromAddress,
            Subject = mail?.Subject,
            InternetMessageId = mail?.MessageId,
            RelatedMessageId = related,
        };
        db.SetAsideMail.Add(row);
        return row;
    }

    private static IntakeResult SetAside(SetAsideMail row, string reason) =>
        new(row.Kind == SetAsideKind.Quarantined ? IntakeOutcome.Quarantined : IntakeOutcome.Filtered, reason, SetAsideId: row.Id);

    private static IntakeResult DuplicateSetAside(long id) => new(IntakeOutcome.Filtered, $"duplicate of set-aside mail {id}", SetAsideId: id);

    /// <summary>
    /// Failures of the machinery rather than of the message: the message is kept on the server and retried. A row the
    /// database refuses (a unique index, a check, a trigger) would be refused again on every retry: that is the
    /// message's fault, and it is quarantined.
    /// </summary>
    public static bool IsTransient(Exception e) =>
        !IsRefusedByDatabase(e)
        && (e is DbException or DbUpdateException or IOException or TimeoutException or SocketException or OperationCanceledException
            || (e.InnerException is { } inner && IsTransient(inner)));

    // SQLITE_CONSTRAINT (19) and its extended codes; PostgreSQL's integrity constraint violations (SQLSTATE class 23).
    private static bool IsRefusedByDatabase(Exception e) =>
        e switch
        {
            Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
            Npgsql.PostgresException postgres => postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
            _ => e.InnerException is { } inner && IsRefusedByDatabase(inner),
        };

    private async Task<Mailbox?> MailboxAsync(long id, CancellationToken ct)
    {
        if (!mailboxes.TryGetValue(id, out var mailbox))
        {
            mailbox = await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
            mailboxes[id] = mailbox;
        }

        return mailbox;
    }

    private sealed record OwnMailbox(long Id, string Address);

    private static string? Shorten(string? text) =>
        text is { Length: > MessageBody.MaxLength } ? text[..MessageBody.MaxLength] : text;
}
