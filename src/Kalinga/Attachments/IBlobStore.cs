namespace Kalinga.Attachments;

/// <summary>Content-addressed storage for attachments and raw inbound messages.</summary>
public interface IBlobStore
{
    /// <summary>Stores the content and returns its lowercase hex SHA-256 and length; storing the same bytes again is a no-op.</summary>
    Task<StoredBlob> PutAsync(Stream content, CancellationToken ct);

    /// <summary>Opens the content for reading, or returns null when no blob has that hash.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct);

    Task<bool> ExistsAsync(string sha256, CancellationToken ct);
}

public readonly record struct StoredBlob(string Sha256, long Length);
