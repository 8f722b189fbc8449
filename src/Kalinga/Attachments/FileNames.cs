using System.Globalization;

namespace Kalinga.Attachments;

/// <summary>
/// The name an upload is stored and offered under. Clients send full paths (older browsers did), control characters
/// that break headers and logs, and bidirectional overrides that make "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
/// </summary>
public static class FileNames
{
    public const int MaxLength = 255;

    private const string Fallback = "attachment";
    private const int MaxKeptExtension = 16;

    public static string Clean(string? raw)
    {
        var name = (raw ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = string.Concat(name.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format));

        // Windows drops trailing dots and spaces when it saves a file, so "report.exe." would open as report.exe.
        name = name.Trim().TrimEnd('.', ' ');
        if (name.Length == 0)
        {
            return Fallback;
        }

        return name.Length <= MaxLength ? name : Shorten(name);
    }

    /// <summary>Cuts the stem, not the extension, so the file still opens with the right program.</summary>
    private static string Shorten(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length > MaxKeptExtension)
        {
            extension = "";
        }

        var stem = name[..(MaxLength - extension.Length)];
        if (char.IsHighSurrogate(stem[^1]))
        {
            stem = stem[..^1];
        }

        return stem + extension;
    }
}
