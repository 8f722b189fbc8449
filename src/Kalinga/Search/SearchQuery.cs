namespace Kalinga.Search;

/// <summary>
/// What a person typed, as folded terms. Each term is a word or a quoted phrase; every term must match (or, for
/// <see cref="AnyOf"/>, any term may), and a term of three or more letters also matches longer words it starts
/// ("zamow" finds "zamówienie").
/// </summary>
public sealed class SearchQuery
{
    /// <summary>
    /// How many matching messages, and subjects, a search looks at: the newest this many. Ranking every match made a
    /// common word cost in proportion to the size of the desk (a third of a second at 100,000 tickets); agents want
    /// recent tickets first, and a word in 1,000 recent messages needs another word to narrow it anyway. Each row of
    /// the window is joined to its message, so the window is most of what a common word costs.
    /// </summary>
    public const int Window = 1_000;

    private const int MaxTerms = 16;
    private const int MinPrefixLength = 3;

    private SearchQuery(IReadOnlyList<IReadOnlyList<string>> terms, bool matchAny = false)
    {
        Terms = terms;
        MatchAny = matchAny;
    }

    public IReadOnlyList<IReadOnlyList<string>> Terms { get; }

    /// <summary>True when one matching term is enough; the ranking then favours texts that match more, and rarer, terms.</summary>
    public bool MatchAny { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string text)
    {
        var terms = new List<IReadOnlyList<string>>();
        var parts = text.Split('"');
        for (var i = 0; i < parts.Length && terms.Count < MaxTerms; i++)
        {
            var insideQuotes = i % 2 == 1;
            if (insideQuotes)
            {
                var words = TextFolding.Words(parts[i]);
                if (words.Count > 0)
                {
                    terms.Add(words);
                }

                continue;
            }

            foreach (var chunk in parts[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var words = TextFolding.Words(chunk);
                if (words.Count > 0 && terms.Count < MaxTerms)
                {
                    terms.Add(words);
                }
            }
        }

        return new SearchQuery(terms);
    }

    /// <summary>
    /// The telling words of a longer text (a ticket, a half-written request) as a query any of whose words may match:
    /// words of four letters or more that are not common function words, the first <paramref name="maxTerms"/> of them.
    /// </summary>
    public static SearchQuery AnyOf(string text, IReadOnlySet<string> commonWords, int maxTerms = 12)
    {
        var words = TextFolding.Words(text).Where(w => w.Length >= 4 && !commonWords.Contains(w)).Distinct().Take(maxTerms);
        return new SearchQuery([.. words.Select(w => (IReadOnlyList<string>)[w])], matchAny: true);
    }

    /// <summary>FTS5 syntax: <c>"zamowienie" "lh 204913"*</c>. Words hold only letters and digits, so quoting is safe.</summary>
    public string ToFts5() =>
        string.Join(MatchAny ? " OR " : " ", Terms.Select(t => $"\"{string.Join(' ', t)}\"" + (IsPrefix(t) ? "*" : "")));

    /// <summary>The FTS5 query with every term as typed, none expanded to longer words; null when no term would be.</summary>
    public string? ToFts5AsTyped() =>
        Terms.Any(IsPrefix) ? string.Join(MatchAny ? " OR " : " ", Terms.Select(t => $"\"{string.Join(' ', t)}\"")) : null;

    /// <summary>PostgreSQL tsquery syntax: <c>zamowienie:* &amp; lh &lt;-&gt; 204913:*</c>.</summary>
    public string ToTsQuery() =>
        string.Join(MatchAny ? " | " : " & ", Terms.Select(t => "(" + string.Join(" <-> ", t.Select((w, i) => i == t.Count - 1 && IsPrefix(t) ? w + ":*" : w)) + ")"));

    private static bool IsPrefix(IReadOnlyList<string> term) => term[^1].Length >= MinPrefixLength;
}
