using System.Globalization;
using System.Text;

namespace Kalinga.KnowledgeBase;

/// <summary>
/// Writes a small, valid PDF of text pages (A4, Helvetica): enough for a printable guide made from an article.
/// The standard fonts need no embedding; a custom encoding maps the Polish letters outside WinAnsi to the
/// fonts' own glyphs (aogonek, lslash…), so every language of the help center prints correctly.
/// </summary>
public static class PdfGuide
{
    private const int Width = 595, Height = 842, Margin = 56, LineHeight = 15, WrapAt = 88;

    private static readonly (char Char, string Glyph)[] Extra =
    [
        ('ą', "aogonek"), ('Ą', "Aogonek"), ('ć', "cacute"), ('Ć', "Cacute"), ('ę', "eogonek"), ('Ę', "Eogonek"),
        ('ł', "lslash"), ('Ł', "Lslash"), ('ń', "nacute"), ('Ń', "Nacute"), ('ś', "sacute"), ('Ś', "Sacute"),
        ('ź', "zacute"), ('Ź', "Zacute"), ('ż', "zdotaccent"), ('Ż', "Zdotaccent"), ('€', "Euro"), ('–', "endash"),
        ('—', "emdash"), ('‘', "quoteleft"), ('’', "quoteright"), ('“', "quotedblleft"), ('”', "quotedblright"),
        ('•', "bullet"), ('…', "ellipsis"),
    ];

    public static byte[] Write(string title, IEnumerable<string> paragraphs)
    {
        var lines = new List<(string Text, bool Bold)> { (title, true), ("", false) };
        foreach (var paragraph in paragraphs)
        {
            lines.AddRange(Wrap(paragraph.Replace("₱", "PHP ", StringComparison.Ordinal)).Select(l => (l, false)));
        }

        var perPage = (Height - 2 * Margin) / LineHeight;
        var pages = lines.Chunk(perPage).ToList();
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', pages.Select((_, i) => $"{5 + 2 * i} 0 R"))}] /Count {pages.Count} >>",
            Font("Helvetica"),
            Font("Helvetica-Bold"),
        };
        foreach (var page in pages)
        {
            var content = new StringBuilder("BT\n");
            var y = Height - Margin;
            foreach (var (text, bold) in page)
            {
                content.Append(CultureInfo.InvariantCulture, $"/{(bold ? "F2 14" : "F1 11")} Tf 1 0 0 1 {Margin} {y} Tm ({Escape(text)}) Tj\n");
                y -= LineHeight;
            }

            content.Append("ET");
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {Width} {Height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {objects.Count + 2} 0 R >>");
            objects.Add($"<< /Length {Encode(content.ToString()).Length} >>\nstream\n{content}\nendstream");
        }

        return Assemble(objects);
    }

    private static string Font(string name) =>
        $"<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding " +
        $"/Differences [128 {string.Join(' ', Extra.Select(e => "/" + e.Glyph))}] >> >>";

    private static byte[] Assemble(List<string> objects)
    {
        using var pdf = new MemoryStream();
        void Put(string s) => pdf.Write(Encode(s));
        Put("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        foreach (var (body, i) in objects.Select((o, i) => (o, i)))
        {
            offsets.Add(pdf.Position);
            Put($"{i + 1} 0 obj\n{body}\nendobj\n");
        }

        var xref = pdf.Position;
        Put($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Put(string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
        }

        Put($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>One byte per character: Latin-1 as WinAnsi has it, the extra letters at 128 and up, anything else '?'.</summary>
    private static byte[] Encode(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var extra = Array.FindIndex(Extra, e => e.Char == c);
            bytes[i] = c < 128 || (c >= 0xA0 && c <= 0xFF) ? (byte)c : extra >= 0 ? (byte)(128 + extra) : (byte)'?';
        }

        return bytes;
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);

    private static IEnumerable<string> Wrap(string paragraph)
    {
        var line = new StringBuilder();
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > WrapAt)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        yield return line.ToString();
    }
}
