using System.Text.RegularExpressions;

namespace Kalinga.Attachments;

/// <summary>
/// Decides the content type stored for an upload from its first bytes rather than from the client's word.
/// Programs and scripts are refused whatever they are called, because whoever opens one runs it; a claim to be a
/// type these bytes can prove (image, PDF, zip, Office) must be backed by them; anything else keeps its claimed type
/// and is only ever served as a download.
/// </summary>
public static partial class ContentSniffer
{
    /// <summary>Bytes to read from the start of a file; enough for every signature below.</summary>
    public const int HeadLength = 16;

    private const string OctetStream = "application/octet-stream";

    private static readonly HashSet<string> ProgramExtensions =
        [".exe", ".dll", ".bat", ".cmd", ".com", ".scr", ".msi", ".ps1", ".vbs", ".js", ".jar", ".sh"];

    private static readonly Signature[] Programs =
    [
        new("a Windows program", Family.Program, "MZ"u8.ToArray()),
        new("a Linux program", Family.Program, [0x7F, 0x45, 0x4C, 0x46]),
        new("a macOS program", Family.Program, [0xFE, 0xED, 0xFA, 0xCE]),
        new("a macOS program", Family.Program, [0xFE, 0xED, 0xFA, 0xCF]),
        new("a macOS program", Family.Program, [0xCE, 0xFA, 0xED, 0xFE]),
        new("a macOS program", Family.Program, [0xCF, 0xFA, 0xED, 0xFE]),
        new("a macOS program or Java class", Family.Program, [0xCA, 0xFE, 0xBA, 0xBE]),
        new("a script", Family.Program, "#!"u8.ToArray()),
    ];

    private static readonly Signature[] Types =
    [
        new("image/png", Family.Image, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        new("image/jpeg", Family.Image, [0xFF, 0xD8, 0xFF]),
        new("image/gif", Family.Image, "GIF87a"u8.ToArray()),
        new("image/gif", Family.Image, "GIF89a"u8.ToArray()),
        new("image/webp", Family.Image, "RIFF"u8.ToArray(), 8, "WEBP"u8.ToArray()),
        new("application/pdf", Family.Pdf, "%PDF-"u8.ToArray()),
        new("application/zip", Family.Zip, [0x50, 0x4B, 0x03, 0x04]),
        new("application/zip", Family.Zip, [0x50, 0x4B, 0x05, 0x06]),
        new("application/x-cfb", Family.CompoundFile, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
    ];

    /// <summary>Claimed types that the bytes must back, and the family that backs each.</summary>
    private static readonly Dictionary<string, Family> Claims = new(StringComparer.Ordinal)
    {
        ["image/png"] = Family.Image,
        ["image/jpeg"] = Family.Image,
        ["image/gif"] = Family.Image,
        ["image/webp"] = Family.Image,
        ["application/pdf"] = Family.Pdf,
        ["application/zip"] = Family.Zip,
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = Family.Zip,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = Family.Zip,
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = Family.Zip,
        ["application/msword"] = Family.CompoundFile,
        ["application/vnd.ms-excel"] = Family.CompoundFile,
        ["application/vnd.ms-powerpoint"] = Family.CompoundFile,
    };

    private enum Family
    {
        Program,
        Image,
        Pdf,
        Zip,
        CompoundFile,
    }

    /// <summary>The verified content type, or <see cref="AttachmentRefusedException"/> naming the file.</summary>
    public static string Verify(ReadOnlySpan<byte> head, string fileName, string? claimedType)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (ProgramExtensions.Contains(extension))
        {
            throw AttachmentRefusedException.ProgramExtension(fileName, extension);
        }

        if (Match(Programs, head) is { } program)
        {
            throw AttachmentRefusedException.Program(fileName, program.Name);
        }

        var claimed = Normalize(claimedType);
        var sniffed = Match(Types, head);
        var hasClaim = claimed is not null && Claims.ContainsKey(claimed);
        if (hasClaim && Claims[claimed!] != sniffed?.Family)
        {
            throw AttachmentRefusedException.NotAsSent(fileName, claimed!);
        }

        return sniffed switch
        {
            null => claimed ?? OctetStream,

            // Zip and compound files are containers: the bytes prove the container, the claim says which document it holds.
            { Family: Family.Zip or Family.CompoundFile } when hasClaim => claimed!,
            _ => sniffed.Name,
        };
    }

    /// <summary>"Text/HTML; charset=utf-8" → "text/html"; octet-stream, which claims nothing, or anything that is not a media type → null.</summary>
    private static string? Normalize(string? type)
    {
        var essence = type?.Split(';', 2)[0].Trim().ToLowerInvariant();
        return essence is { Length: <= 127 } && MediaType().IsMatch(essence) && essence != OctetStream ? essence : null;
    }

    private static Signature? Match(Signature[] signatures, ReadOnlySpan<byte> head)
    {
        foreach (var signature in signatures)
        {
            if (head.StartsWith(signature.Prefix)
                && (signature.Also is null || (head.Length >= signature.AlsoAt + signature.Also.Length && head[signature.AlsoAt..].StartsWith(signature.Also))))
            {
                return signature;
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")]
    private static partial Regex MediaType();

    /// <summary>A format's leading bytes, and for some (WebP) a second mark further in; the name is a content type, or for programs what they are.</summary>
    private sealed record Signature(string Name, Family Family, byte[] Prefix, int AlsoAt = 0, byte[]? Also = null);
}
