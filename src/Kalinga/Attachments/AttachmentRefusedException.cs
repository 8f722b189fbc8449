using System.Globalization;

namespace Kalinga.Attachments;

/// <summary>
/// An upload Kalinga will not store: too large, or a kind of file it refuses. The message names the file, so the
/// person uploading several knows which one to leave out; <see cref="Localized"/> says it in the reader's language,
/// <see cref="Exception.Message"/> stays English for logs.
/// </summary>
public sealed class AttachmentRefusedException : Exception
{
    private AttachmentRefusedException(LocalText text, bool isTooLarge, Exception? inner = null)
        : base(text.In(CultureInfo.InvariantCulture), inner)
    {
        Text = text;
        IsTooLarge = isTooLarge;
    }

    /// <summary>True for a size refusal (413), false for a type refusal (415).</summary>
    public bool IsTooLarge { get; }

    public LocalText Text { get; }

    /// <summary>The message in the current UI language (the request's or the agent's).</summary>
    public string Localized() => Text.In(CultureInfo.CurrentUICulture);

    public static AttachmentRefusedException TooLarge(long maxBytes, Exception? inner = null) =>
        new(new LocalText("Loc4_Problem.Attachments.TooLarge", maxBytes), isTooLarge: true, inner);

    /// <summary>A file whose name ends in an <paramref name="extension"/> that runs as a program.</summary>
    public static AttachmentRefusedException ProgramExtension(string fileName, string extension) =>
        new(new LocalText("Loc4_Problem.Attachments.ProgramExtension", fileName, extension), isTooLarge: false);

    /// <summary>A file whose content is a program (<paramref name="kind"/>: "a Windows program", "a script").</summary>
    public static AttachmentRefusedException Program(string fileName, string kind) =>
        new(new LocalText("Loc4_Problem.Attachments.Program", fileName, kind), isTooLarge: false);

    /// <summary>A file sent as <paramref name="claimedType"/> whose content is something else.</summary>
    public static AttachmentRefusedException NotAsSent(string fileName, string claimedType) =>
        new(new LocalText("Loc4_Problem.Attachments.NotAsSent", fileName, claimedType), isTooLarge: false);
}
