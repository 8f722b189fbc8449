using Kalinga.Attachments;
using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kalinga.Channels.Email;

/// <summary>The admin API of mailboxes and the raw-message endpoint.</summary>
public static class MailboxEndpoints
{
    public static async Task<Ok<List<MailboxView>>> ListAsync(KalingaDb db, CancellationToken ct) =>
        TypedResults.Ok(await Views(db, db.Mailboxes.OrderBy(m => m.Address)).ToListAsync(ct));

    public static async Task<Results<Ok<MailboxView>, NotFound>> GetAsync(long id, KalingaDb db, CancellationToken ct) =>
        await Views(db, db.Mailboxes.Where(m => m.Id == id)).SingleOrDefaultAsync(ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Created<MailboxView>> CreateAsync(MailboxRequest request, SaveMailbox save, KalingaDb db, CancellationToken ct)
    {
        var mailbox = await save.HandleAsync(null, request, ct);
        return TypedResults.Created($"/api/v1/mailboxes/{mailbox!.Id}", await Views(db, db.Mailboxes.Where(m => m.Id == mailbox.Id)).SingleAsync(ct));
    }

    public static async Task<Results<Ok<MailboxView>, NotFound>> UpdateAsync(long id, MailboxRequest request, SaveMailbox save, KalingaDb db, CancellationToken ct) =>
        await save.HandleAsync(id, request, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await Views(db, db.Mailboxes.Where(m => m.Id == id)).SingleAsync(ct));

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, KalingaDb db, CancellationToken ct) =>
        await db.Mailboxes.Where(m => m.Id == id).ExecuteDeleteAsync(ct) == 1 ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<Ok<FetchResult>, NotFound>> FetchAsync(long id, FetchMailbox fetch, CancellationToken ct) =>
        await fetch.HandleAsync(id, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    public static async Task<Ok<List<SetAsideView>>> SetAsideAsync(KalingaDb db, CancellationToken ct, string? kind = null, int limit = 100)
    {
        SetAsideKind? only = kind is null ? null
            : Enum.TryParse<SetAsideKind>(kind, ignoreCase: true, out var parsed) && !int.TryParse(kind, out _) ? parsed
            : throw new RuleException("kind", new LocalText("Adm3_Problem.QuarantineKind"));
        return TypedResults.Ok(await SetAsideViews(db, only, limit).ToListAsync(ct));
    }

    public static IQueryable<SetAsideView> SetAsideViews(KalingaDb db, SetAsideKind? only, int limit) =>
        db.SetAsideMail.AsNoTracking().Where(s => only == null || s.Kind == only)
            .OrderByDescending(s => s.Id).Take(Math.Clamp(limit, 1, 500))
            .Select(s => new SetAsideView(s.Id, s.Kind, s.Reason, s.Source, s.MailboxId, s.FromAddress, s.Subject, s.InternetMessageId, s.RelatedMessageId, s.RawSize, s.ReceivedAt));

    public static IQueryable<BouncingAddress> Bouncing(KalingaDb db) =>
        db.BouncingAddresses.AsNoTracking().OrderByDescending(b => b.LastBounceAt).Take(500);

    public static async Task<Results<FileStreamHttpResult, NotFound>> SetAsideRawAsync(long id, KalingaDb db, IBlobStore blobs, CancellationToken ct)
    {
        var sha = await db.SetAsideMail.Where(s => s.Id == id).Select(s => s.RawSha256).SingleOrDefaultAsync(ct);
        return sha is not null && await blobs.OpenReadAsync(sha, ct) is { } stream
            ? TypedResults.File(stream, "message/rfc822", $"set-aside-{id}.eml")
            : TypedResults.NotFound();
    }

    public static async Task<Ok<List<BouncingAddress>>> BouncingAsync(KalingaDb db, CancellationToken ct) =>
        TypedResults.Ok(await Bouncing(db).ToListAsync(ct));

    /// <summary>
    /// 201 for a new ticket, 200 for anything else that was kept (threaded, filtered, quarantined): the sender must
    /// not retry those. 503 when storage is unavailable, so an MTA keeps the message and tries again.
    /// </summary>
    public static async Task<Results<Created<IntakeResult>, Ok<IntakeResult>, NotFound, ProblemHttpResult>> RawAsync(
        long id, HttpRequest request, KalingaDb db, EmailIntake intake, IOptions<EmailOptions> options, CancellationToken ct)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "message/rfc822", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(Localized.Text("Loc4_Problem.Mail.RawContentType"), statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (!await db.Mailboxes.AnyAsync(m => m.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var max = options.Value.MaxMessageBytes;
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return TypedResults.Problem(new LocalText("Loc4_Problem.Mail.RawTooLarge", max).Localized(), statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var result = await intake.HandleAsync(buffer.ToArray(), new IntakeSource("raw", id), ct);
            return result.Outcome == IntakeOutcome.NewTicket ? TypedResults.Created($"/api/v1/tickets/{result.TicketNumber}", result) : TypedResults.Ok(result);
        }
        catch (Exception e) when (EmailIntake.IsTransient(e) && !ct.IsCancellationRequested)
        {
            request.HttpContext.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(Localized.Text("Loc4_Problem.Mail.StorageUnavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Mailboxes as the API and the admin page show them: settings without secrets, and health.</summary>
    public static IQueryable<MailboxView> Views(KalingaDb db, IQueryable<Mailbox> mailboxes) =>
        mailboxes.AsNoTracking().Select(m => new MailboxView(
            m.Id, m.Address, m.DisplayName, m.Enabled,
            new InboundView(m.InboundProtocol, m.InboundHost, m.InboundPort, m.InboundSecurity, m.InboundUser, m.InboundSecret != null, m.Folder, m.ProcessedFolder, m.DeleteAfterFetch,
                m.InboundAuth, m.InboundAuth != MailAuth.OAuth2 ? null : new OAuthView(m.InboundOAuth.TokenEndpoint, m.InboundOAuth.ClientId, m.InboundOAuth.Scope,
                    m.InboundOAuth.ClientSecret != null, m.InboundOAuth.RefreshToken != null, m.InboundOAuth.AccessToken != null)),
            m.SmtpHost == null ? null : new OutboundView(m.SmtpHost, m.SmtpPort, m.SmtpSecurity, m.SmtpUser, m.SmtpSecret != null,
                m.SmtpAuth, m.SmtpAuth != MailAuth.OAuth2 ? null : new OAuthView(m.SmtpOAuth.TokenEndpoint, m.SmtpOAuth.ClientId, m.SmtpOAuth.Scope,
                    m.SmtpOAuth.ClientSecret != null, m.SmtpOAuth.RefreshToken != null, m.SmtpOAuth.AccessToken != null)),
            m.DefaultTeamId, m.DefaultLanguage, m.SendReceipt, m.PlusAddressing,
            new MailboxHealthView(
                !m.Enabled ? "disabled" : (m.LastError != null || m.SendFailures > 0) ? "error" : m.InboundProtocol != InboundProtocol.None && m.LastFetchAt == null ? "never_fetched" : "ok",
                m.LastFetchAt, m.LastError, m.LastErrorAt, m.MessagesWaiting, m.LastSentAt, m.SendFailures, m.LastSendError, m.LastSendErrorAt,
                db.EmailRecords.Count(r => r.MailboxId == m.Id && db.Messages.Any(x => x.Id == r.MessageId && x.DeliveryStatus == DeliveryStatus.Queued)),
                db.EmailRecords.Count(r => r.MailboxId == m.Id && db.Messages.Any(x => x.Id == r.MessageId && x.DeliveryStatus == DeliveryStatus.Failed)),
                m.InboundOAuth.RetryAt, m.SmtpOAuth.RetryAt),
            m.CreatedAt, m.UpdatedAt));
}
