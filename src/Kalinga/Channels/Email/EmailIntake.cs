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

        var recipients = mail.DeliveredTo.Concat(mail.To).Concat(mail.Cc).ToList();
        var mailboxId = source.MailboxId ?? own.Find(m => recipients.Select(ReplyAddress.Untagged).Contains(m.Address))?.Id;
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
            return await SetAsideAsync(SetAsideKind.Quarantined, e is RuleException rule ? $"{rule.Field}: {rule.Message}" : $"Storing failed ({e.GetType().Name}): {e.Message}", blob, source, mail, ct);
        }

        if (result.Outcome == InboundOutcome.AutomatedOnClosed)
        {
            var aside = await SetAsideAsync(SetAsideKind.AutoReply, $"An auto-reply to closed ticket #{result.TicketNumber}; it opens no follow-up ticket and is never answered ({automated}).", blob, source, mail, ct);
            return aside with { TicketNumber = result.TicketNumber };
        }

        await record.HandleAsync(result, mail, blob, mailbox, automated, source.MayAnswer, ct);

        var outcome = result.Outcome switch
        {
            InboundOutcome.NewTicket => IntakeOutcome.NewTicket,
            InboundOutcome.Threaded => IntakeOutcome.Threaded,
            _ => IntakeOutcome.Filtered,
        };
        return new IntakeResult(outcome, result.Outcome == InboundOutcome.Duplicate ? $"duplicate of {mail.MessageId}" : result.Outcome.ToString(), result.TicketNumber, result.MessageId);
    }

    public async Task<IntakeResult> QuarantineAsync(byte[] raw, string reason, IntakeSource source, CancellationToken ct) =>
        await SetAsideAsync(SetAsideKind.Quarantined, reason, await blobs.PutAsync(new MemoryStream(raw, writable: false), ct), source, null, ct);

    /// <summary>Keeps a message that did not become a ticket message; the same raw bytes are kept only once.</summary>
    public async Task<IntakeResult> SetAsideAsync(SetAsideKind kind, string reason, StoredBlob blob, IntakeSource source, ParsedMail? mail, CancellationToken ct, long? related = null)
    {
        var existing = await db.SetAsideMail.Where(s => s.RawSha256 == blob.Sha256).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            var row = new SetAsideMail(kind, reason, blob.Sha256, blob.Length, source.MailboxId, source.Kind, clock.GetUtcNow().UtcDateTime)
            {
                FromAddress = mail?.FromAddress,
                Subject = mail?.Subject,
                InternetMessageId = mail?.MessageId,
                RelatedMessageId = related,
            };
            db.SetAsideMail.Add(row);
            await db.SaveChangesAsync(ct);
            return new IntakeResult(kind == SetAsideKind.Quarantined ? IntakeOutcome.Quarantined : IntakeOutcome.Filtered, reason, SetAsideId: row.Id);
        }

        db.ChangeTracker.Clear();
        return new IntakeResult(IntakeOutcome.Filtered, $"duplicate of set-aside mail {existing}", SetAsideId: existing);
    }

    /// <summary>Failures of the machinery rather than of the message: the message is kept on the server and retried.</summary>
    public static bool IsTransient(Exception e) =>
        e is DbException or DbUpdateException or IOException or TimeoutException or SocketException or OperationCanceledException
        || (e.InnerException is { } inner && IsTransient(inner));

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
