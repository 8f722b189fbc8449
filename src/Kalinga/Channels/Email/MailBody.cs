using System.Security.Cryptography;
using MimeKit;
using MimeKit.Tnef;

namespace Kalinga.Channels.Email;

/// <summary>Walks a MIME tree once: the first plain and HTML bodies, and every other leaf as a file.</summary>
internal sealed class MailBody
{
    public string? Text { get; private set; }

    public string? Html { get; private set; }

    public List<MailFile> Files { get; } = [];

    public int Parts { get; private set; }

    public void Walk(MimeEntity? entity, int depth)
    {
        if (entity is null || ++Parts > MailParser.MaxParts)
        {
            return;
        }

        switch (entity)
        {
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    Walk(child, depth + 1);
                }

                break;
            case MessagePart forwarded:
                // A forwarded or attached message stays whole, as an .eml the agent can open (RFC 2046 §5.2.1).
                using (var buffer = new MemoryStream())
                {
                    forwarded.Message?.WriteTo(buffer);
                    AddFile(FileName(forwarded.Message?.Subject, "forwarded message") + ".eml", "message/rfc822", null, buffer.ToArray());
                }

                break;
            case TnefPart tnef:
                // winmail.dat: Outlook's own container. Its attachments are what the customer meant to send.
                foreach (var part in ExtractTnef(tnef))
                {
                    Walk(part, depth + 1);
                }

                break;
            case TextPart text when !text.IsAttachment && text.IsPlain && Text is null:
                Text = MailText.Decode(text).Trim();
                break;
            case TextPart text when !text.IsAttachment && text.IsHtml && Html is null:
                Html = MailText.Decode(text);
                break;
            case MimePart { ContentType.MimeType: "application/ms-tnef" or "application/vnd.ms-tnef" } nested:
                // Outlook nests TNEF for embedded messages; MimeKit hands those back as plain parts.
                Walk(new TnefPart { Content = nested.Content, FileName = nested.FileName }, depth + 1);
                break;
            case MimePart part:
                using (var buffer = new MemoryStream())
                {
                    part.Content?.DecodeTo(buffer);
                    var name = part.FileName ?? (MimeTypes.TryGetExtension(part.ContentType.MimeType, out var ext) ? "attachment" + ext : "attachment.bin");
                    AddFile(FileName(name, "attachment"), part.ContentType.MimeType, part.ContentId?.Trim('<', '>'), buffer.ToArray());
                }

                break;
        }
    }

    private static IEnumerable<MimeEntity> ExtractTnef(TnefPart tnef)
    {
        try
        {
            return [.. tnef.ExtractAttachments()];
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // A broken winmail.dat is still the customer's file: keep it as it came.
            return [new MimePart("application", "ms-tnef") { Content = tnef.Content, FileName = tnef.FileName ?? "winmail.dat" }];
        }
    }

    private void AddFile(string fileName, string contentType, string? contentId, byte[] content) =>
        Files.Add(new MailFile(fileName, contentType.Length > 127 ? "application/octet-stream" : contentType.ToLowerInvariant(),
            string.IsNullOrWhiteSpace(contentId) || contentId.Length > 255 ? null : contentId, content, Convert.ToHexStringLower(SHA256.HashData(content))));

    /// <summary>A name safe for a download header: no folders, no control characters, at most 255 characters.</summary>
    private static string FileName(string? name, string fallback)
    {
        var clean = new string([.. (name ?? "").Where(c => !char.IsControl(c) && c is not ('/' or '\\' or ':' or '"' or '<' or '>' or '|' or '?' or '*'))]).Trim().Trim('.');
        if (clean.Length == 0)
        {
            clean = fallback;
        }

        return clean.Length > 200 ? clean[..200] : clean;
    }
}
