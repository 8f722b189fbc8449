using Kalinga.Tickets;

namespace Kalinga.Attachments;

/// <summary>A file on a message. The bytes live in the blob store under their SHA-256, so a file sent twice is stored once.</summary>
public sealed class Attachment
{
    private Attachment()
    {
    }

    public Attachment(string fileName, string contentType, long size, string sha256, Actor uploadedBy, DateTime now)
    {
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedByKind = uploadedBy.Kind;
        UploadedById = uploadedBy.Id;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    /// <summary>Null between upload and the reply or note that uses it.</summary>
    public long? MessageId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    /// <summary>The Content-ID of an inline image in an HTML message, without angle brackets.</summary>
    public string? ContentId { get; set; }

    public ActorKind UploadedByKind { get; private set; }

    public long? UploadedById { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
