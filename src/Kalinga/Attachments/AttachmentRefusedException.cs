namespace Kalinga.Attachments;

/// <summary>
/// An upload Kalinga will not store: too large, or a kind of file it refuses. The message names the file, so the
/// person uploading several knows which one to leave out.
/// </summary>
public sealed class AttachmentRefusedException : Exception
{
    private AttachmentRefusedException(string message, bool isTooLarge, Exception? inner = null)
        : base(message, inner)
    {
        IsTooLarge = isTooLarge;
    }

    /// <summary>True for a size refusal (413), false for a type refusal (415).</summary>
    public bool IsTooLarge { get; }

    public static AttachmentRefusedException TooLarge(long maxBytes, Exception? inner = null) =>
        new($"Files in one upload may total at most {maxBytes} bytes.", isTooLarge: true, inner);

    public static AttachmentRefusedException UnsupportedType(string fileName, string reason) =>
        new($"'{fileName}' was refused: {reason}.", isTooLarge: false);
}
