namespace Kalinga.Attachments;

/// <summary>The <c>Attachments</c> section.</summary>
public sealed class AttachmentOptions
{
    /// <summary>25 MiB, what the large mail providers accept on one message.</summary>
    public const long DefaultMaxBytes = 25 * 1024 * 1024;

    /// <summary>The most bytes one upload may carry, all its files together.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
