using AngleSharp.Html.Parser;
using Kalinga.Attachments;
using Kalinga.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Email;

/// <summary>What agents read about a ticket message that came or went by e-mail.</summary>
public static class EmailEndpoints
{
    public static async Task<Results<Ok<EmailView>, NotFound>> GetAsync(long messageId, KalingaDb db, CancellationToken ct) =>
        await db.EmailRecords.AsNoTracking().Where(r => r.MessageId == messageId)
            .Select(r => new EmailView(r.MessageId, r.MailboxId, r.InternetMessageId, r.Subject, r.FromAddress, r.To, r.Cc, r.InReplyTo, r.References,
                r.IsAutomated, r.UnquotedText, r.RemoteImages, r.RawSha256 != null, r.RawSize, r.SendAttempts, r.LastAttemptAt))
            .SingleOrDefaultAsync(ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<FileStreamHttpResult, NotFound>> RawAsync(long messageId, KalingaDb db, IBlobStore blobs, CancellationToken ct)
    {
        var sha = await db.EmailRecords.Where(r => r.MessageId == messageId).Select(r => r.RawSha256).SingleOrDefaultAsync(ct);
        return sha is not null && await blobs.OpenReadAsync(sha, ct) is { } stream
            ? TypedResults.File(stream, "message/rfc822", $"message-{messageId}.eml")
            : TypedResults.NotFound();
    }

    /// <summary>
    /// The stored (sanitized) HTML. With remoteImages=true the blocked images get their addresses back, in the order
    /// they were removed; only http(s) addresses were ever kept, so nothing else can be injected this way.
    /// </summary>
    public static async Task<Results<ContentHttpResult, NotFound>> HtmlAsync(long messageId, KalingaDb db, CancellationToken ct, bool remoteImages = false)
    {
        var found = await db.Messages.AsNoTracking().Where(m => m.Id == messageId)
            .Select(m => new { m.Html, Images = db.EmailRecords.Where(r => r.MessageId == m.Id).Select(r => r.RemoteImages).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (found?.Html is null)
        {
            return TypedResults.NotFound();
        }

        var html = found.Html;
        if (remoteImages && found.Images is { Count: > 0 } images)
        {
            var document = new HtmlParser().ParseDocument(html);
            foreach (var image in document.QuerySelectorAll("img[name^='remote-image-']"))
            {
                if (int.TryParse(image.GetAttribute("name")!["remote-image-".Length..], out var n) && n >= 1 && n <= images.Count
                    && Uri.TryCreate(images[n - 1], UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
                {
                    image.SetAttribute("src", url.AbsoluteUri);
                    image.RemoveAttribute("title");
                }
            }

            html = document.Body!.InnerHtml;
        }

        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>Serves a blob only if it is an inline image of some message, so the endpoint cannot fetch arbitrary files.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFound>> InlineAsync(string sha256, KalingaDb db, IBlobStore blobs, CancellationToken ct)
    {
        var image = await db.Attachments.AsNoTracking().Where(a => a.Sha256 == sha256 && a.ContentId != null)
            .Select(a => new { a.ContentType, a.FileName }).FirstOrDefaultAsync(ct);
        return image is not null && await blobs.OpenReadAsync(sha256, ct) is { } stream
            ? TypedResults.File(stream, image.ContentType.StartsWith("image/", StringComparison.Ordinal) ? image.ContentType : "application/octet-stream", image.FileName)
            : TypedResults.NotFound();
    }
}
