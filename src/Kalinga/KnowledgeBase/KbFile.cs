namespace Kalinga.KnowledgeBase;

/// <summary>
/// A downloadable guide or image of the help center, served at <c>/kb/files/{name}</c>. The bytes live in the blob
/// store; a file may exist once per language, and a download asks for the reader's language first.
/// </summary>
public sealed class KbFile
{
    private KbFile()
    {
    }

    public KbFile(string name, string? language, string contentType, long size, string sha256, DateTime now)
    {
        Name = name;
        Language = language;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Null for a file that serves every language.</summary>
    public string? Language { get; private set; }

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public void Replace(string contentType, long size, string sha256, DateTime now)
    {
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        CreatedAt = now;
    }
}
