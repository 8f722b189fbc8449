using System.Text.RegularExpressions;
using Kalinga.Attachments;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.KnowledgeBase;

/// <summary>
/// Puts a guide or image at <c>/kb/files/{name}</c> (for one language, or all when none is given), replacing what
/// was there. The content passes the same type checks as attachments: a file claiming to be a PDF must be one.
/// </summary>
public sealed partial class StoreKbFile(KalingaDb db, IBlobStore blobs, TimeProvider clock)
{
    public async Task<KbFile> HandleAsync(string name, string? language, string? claimedType, Stream content, CancellationToken ct)
    {
        if (!FileName().IsMatch(name))
        {
            throw new RuleException("name", new LocalText("Loc4_Problem.Kb.FileName"));
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            throw new RuleException("file", new LocalText("Loc4_Problem.Kb.FileEmpty"));
        }

        var type = ContentSniffer.Verify(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, ContentSniffer.HeadLength)), name, claimedType);
        buffer.Position = 0;
        var blob = await blobs.PutAsync(buffer, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var file = await db.KbFiles.SingleOrDefaultAsync(f => f.Name == name && f.Language == language, ct);
        if (file is null)
        {
            file = new KbFile(name, language, type, blob.Length, blob.Sha256, now);
            db.KbFiles.Add(file);
        }
        else
        {
            file.Replace(type, blob.Length, blob.Sha256, now);
        }

        await db.SaveChangesAsync(ct);
        return file;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]{2,5}$")]
    private static partial Regex FileName();
}
