using System.Text;
using MimeKit;

namespace Kalinga.Channels.Email;

/// <summary>
/// Decodes text parts whatever their label says. Mail often declares a charset it does not use: UTF-8 sent as
/// iso-8859-1 or us-ascii, Windows-1252 sent as iso-8859-1, or no charset at all (RFC 2045 §5.2 would then mean
/// us-ascii). Strict decoders tell which reading is possible; UTF-8 wins over a single-byte label because
/// Latin-1 text is practically never valid multi-byte UTF-8 by accident.
/// </summary>
public static class MailText
{
    private static readonly Encoding Utf8Strict = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static MailText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(TextPart part)
    {
        using var buffer = new MemoryStream();
        part.Content?.DecodeTo(buffer);
        return Decode(buffer.ToArray(), part.ContentType.Charset);
    }

    public static string Decode(byte[] bytes, string? declared)
    {
        var label = Strict(declared);
        var isAscii = Array.TrueForAll(bytes, b => b < 0x80);
        if (!isAscii && (label is null || label.IsSingleByte) && TryDecode(Utf8Strict, bytes, out var utf8))
        {
            return Clean(utf8);
        }

        if (label is not null && TryDecode(label, bytes, out var text))
        {
            return Clean(text);
        }

        return Clean(TryDecode(Utf8Strict, bytes, out var fallback) ? fallback : Encoding.GetEncoding(1252).GetString(bytes));
    }

    /// <summary>NUL is not allowed in PostgreSQL text and means nothing in mail; a byte-order mark is not text; line ends become \n.</summary>
    public static string Clean(string text) =>
        text.Replace("\0", "", StringComparison.Ordinal).TrimStart('\uFEFF').ReplaceLineEndings("\n");

    private static Encoding? Strict(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        try
        {
            var name = charset.Trim().Trim('"').ToLowerInvariant() switch
            {
                "utf8" => "utf-8",
                "latin1" or "latin-1" => "iso-8859-1",
                "ks_c_5601-1987" => "euc-kr",
                var other => other,
            };
            return Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool TryDecode(Encoding encoding, byte[] bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
