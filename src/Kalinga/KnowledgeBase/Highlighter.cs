using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kalinga.Search;

namespace Kalinga.KnowledgeBase;

/// <summary>
/// Marks the searched words in a title or a snippet of an article's text, as HTML-encoded text with <c>&lt;mark&gt;</c>.
/// Words are compared folded, as the index compares them, so "zwrot" marks "Zwrot" and "lodz" marks "Łódź".
/// </summary>
public static class Highlighter
{
    private const int Radius = 110;

    // Letters of every script stay readable in the markup; only what HTML needs escaped is.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Mark(string text, SearchQuery query) => Render(text, 0, text.Length, query);

    /// <summary>About 220 characters of <paramref name="text"/> around its first match, cut at word boundaries.</summary>
    public static string Snippet(string text, SearchQuery query)
    {
        var flat = text.ReplaceLineEndings(" ");
        var first = Words(flat).Where(w => Matches(w.Folded, query)).Select(w => (int?)w.Start).FirstOrDefault() ?? 0;
        var start = Math.Max(0, first - Radius / 3);
        var end = Math.Min(flat.Length, start + 2 * Radius);
        while (start > 0 && !char.IsWhiteSpace(flat[start - 1]))
        {
            start--;
        }

        while (end < flat.Length && !char.IsWhiteSpace(flat[end]))
        {
            end++;
        }

        return (start > 0 ? "…" : "") + Render(flat, start, end, query).Trim() + (end < flat.Length ? "…" : "");
    }

    private static string Render(string text, int start, int end, SearchQuery query)
    {
        var html = new StringBuilder();
        var at = start;
        foreach (var word in Words(text).Where(w => w.Start >= start && w.Start + w.Length <= end && Matches(w.Folded, query)))
        {
            html.Append(Encoder.Encode(text[at..word.Start]))
                .Append("<mark>").Append(Encoder.Encode(text.Substring(word.Start, word.Length))).Append("</mark>");
            at = word.Start + word.Length;
        }

        return html.Append(Encoder.Encode(text[at..end])).ToString();
    }

    private static bool Matches(string folded, SearchQuery query) =>
        query.Terms.SelectMany(t => t).Any(term => term.Length >= 3 ? folded.StartsWith(term, StringComparison.Ordinal) : folded == term);

    private static IEnumerable<(int Start, int Length, string Folded)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                yield return (start, i - start, TextFolding.Fold(text[start..i]));
                start = -1;
            }
        }
    }
}
