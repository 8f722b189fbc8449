using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.Extensions.Options;

namespace Kalinga.Attachments;

/// <summary>A file as it arrived: the name and type the client claimed, its length, and a way to read it (more than once).</summary>
public sealed record IncomingFile(string? FileName, string? ClaimedType, long Length, Func<Stream> Open);

public sealed record UploadedAttachment(long Id, string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// Stores files for a reply or note to use later. Every file is checked before any is stored, so a refused upload
/// leaves no blob behind; bytes go to the blob store under their SHA-256, and the row records the verified type.
/// </summary>
public sealed class UploadAttachments(KalingaDb db, IBlobStore blobs, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    public async Task<List<UploadedAttachment>> HandleAsync(IReadOnlyList<IncomingFile> files, Actor actor, CancellationToken ct)
    {
        if (files.Count == 0)
        {
            throw new RuleException("file", new LocalText("Loc4_Problem.Attachments.NoFiles"));
        }

        var maxBytes = options.Value.MaxBytes;
        if (files.Sum(f => f.Length) > maxBytes)
        {
            throw AttachmentRefusedException.TooLarge(maxBytes);
        }

        var verified = new List<(IncomingFile File, string Name, string Type)>();
        foreach (var file in files)
        {
            var name = FileNames.Clean(file.FileName);
            if (file.Length == 0)
            {
                throw new RuleException("file", new LocalText("Loc4_Problem.Attachments.Empty", name));
            }

            verified.Add((file, name, ContentSniffer.Verify(await HeadAsync(file, ct), name, file.ClaimedType)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var attachments = new List<Attachment>();
        foreach (var (file, name, type) in verified)
        {
            await using var content = file.Open();
            var blob = await blobs.PutAsync(content, ct);
            attachments.Add(new Attachment(name, type, blob.Length, blob.Sha256, actor, now));
        }

        db.Attachments.AddRange(attachments);
        await db.SaveChangesAsync(ct);
        return [.. attachments.Select(a => new UploadedAttachment(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256))];
    }

    private static async Task<byte[]> HeadAsync(IncomingFile file, CancellationToken ct)
    {
        await using var content = file.Open();
        var head = new byte[ContentSniffer.HeadLength];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return head[..read];
    }
}
