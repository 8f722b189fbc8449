using Kalinga.Search;

namespace Kalinga.KnowledgeBase;

/// <summary>
/// Words of four letters or more that say nothing about a problem (greetings, politeness, filler) in the four
/// languages, folded. Left out of the queries built from a ticket or a half-written request.
/// </summary>
public static class CommonWords
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(new[]
    {
        "about", "after", "again", "also", "been", "before", "best", "could", "dear", "does", "from", "good", "have", "hello",
        "help", "just", "know", "like", "morning", "need", "please", "regards", "should", "some", "still", "thank", "thanks",
        "that", "there", "they", "this", "today", "want", "were", "what", "when", "which", "will", "with", "would", "your",
        "ako", "akin", "ang", "lang", "magandang", "naman", "ninyo", "niyo", "hindi", "salamat", "pero", "kasi", "wala", "yung",
        "po", "sana", "paano", "bakit", "tulong", "umaga", "hapon", "gabi", "kayo", "namin", "mayroon", "meron",
        "bardzo", "dobry", "dzien", "dziekuje", "pozdrawiam", "prosze", "przez", "jest", "moje", "moja", "mnie", "ktory",
        "ktora", "tylko", "jeszcze", "juz", "teraz", "witam", "czesc", "chcialbym", "chcialabym", "pomoc",
        "anche", "buongiorno", "buonasera", "come", "cordiali", "della", "delle", "dello", "grazie", "perche", "questo",
        "questa", "salve", "saluti", "sono", "vorrei", "ancora", "aiuto", "molto", "quando", "nella", "nelle",
    }.Select(TextFolding.Fold), StringComparer.Ordinal);
}
