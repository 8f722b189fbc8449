using System.Text.RegularExpressions;

namespace Kalinga.Channels.Email;

/// <summary>
/// Finds where a plain-text e-mail stops being new: the attribution line of a quoted reply ("On … wrote:" in the
/// four languages and the common mail clients), an Outlook header block, a trailing block of "&gt;" lines, or a
/// signature ("-- " per RFC 3676 §4.3, "Sent from my iPhone"). The full text is always stored; this only tells
/// the display what to fold.
/// </summary>
public static partial class QuotedText
{
    /// <summary>The text before the quoted part, or null when there is nothing to fold (or nothing would be left).</summary>
    public static string? Unquoted(string text)
    {
        var lines = text.Split('\n');
        var offset = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (offset > 0 && StartsQuote(lines, i))
            {
                var kept = text[..offset].TrimEnd();
                return kept.Length == 0 ? null : kept;
            }

            offset += lines[i].Length + 1;
        }

        return null;
    }

    private static bool StartsQuote(string[] lines, int i)
    {
        var line = lines[i].TrimEnd('\r');
        var joined = i + 1 < lines.Length ? line + " " + lines[i + 1].Trim() : line;
        if (line == "-- " || line == "--" || Signature().IsMatch(line) || Separator().IsMatch(line))
        {
            return true;
        }

        if (Attribution().IsMatch(line) || (line.Length > 0 && !line.EndsWith(':') && Attribution().IsMatch(joined)))
        {
            return true;
        }

        if (HeaderFrom().IsMatch(line) && lines.Skip(i + 1).Take(3).Any(l => HeaderSent().IsMatch(l)))
        {
            return true;
        }

        return line.StartsWith('>') && lines.Skip(i).All(l => l.Length == 0 || l.StartsWith('>') || string.IsNullOrWhiteSpace(l));
    }

    [GeneratedRegex(@"^\s*(On\s.{4,300}\swrote|Am\s.{4,300}\sschrieb|Le\s.{4,300}\sa écrit|El\s.{4,300}\sescribió|W dniu\s.{4,300}\s(pisze|napisał(\(a\))?|napisała)|Dnia\s.{4,300}\snapisał(\(a\))?|Il (giorno\s)?.{4,300}\sha scritto|Noong\s.{4,300}\s(ay sumulat|sumulat))\s?:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^\s*-{2,}\s*(Original Message|Messaggio originale|Wiadomość oryginalna|Orihinal na Mensahe|Ursprüngliche Nachricht)\s*-{2,}\s*$|^_{20,}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\s*\**(From|Od|Da|Mula kay|Mula|Von|De)\**\s*:\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\s*\**(Sent|Date|Wysłano|Wysłane|Data|Inviato|Ipinadala|Gesendet|Envoyé)\**\s*:\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderSent();

    [GeneratedRegex(@"^\s*(Sent from my \w+|Get Outlook for \w+|Wysłane z (mojego )?\w+|Inviato da(l mio)? \w+|Ipinadala mula sa \w+)", RegexOptions.IgnoreCase)]
    private static partial Regex Signature();
}
