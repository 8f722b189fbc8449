using Kalinga.Search;

namespace Kalinga.Localization;

/// <summary>
/// Guesses which of the four languages a message is written in by counting common function words.
/// Short or mixed texts (Taglish) are scored the same way; a tie or no evidence answers null.
/// </summary>
public static class LanguageDetector
{
    private static readonly Dictionary<string, HashSet<string>> StopWords = new()
    {
        ["en"] = ["the", "and", "is", "are", "was", "my", "your", "you", "i", "it", "to", "of", "for", "with", "have", "has", "not", "please", "thank", "this", "that", "would", "order", "can", "hello", "regards"],
        ["fil"] = ["ang", "ng", "mga", "sa", "na", "ko", "po", "ako", "ninyo", "niyo", "hindi", "pa", "ba", "kayo", "namin", "ito", "yung", "ay", "salamat", "lang", "naman", "kasi", "pero", "wala", "magandang", "akin"],
        ["pl"] = ["nie", "sie", "jest", "to", "na", "w", "z", "i", "ze", "do", "jak", "prosze", "dzien", "dobry", "mam", "moje", "moja", "zamowienie", "pozdrawiam", "czy", "juz", "tak", "bardzo", "dziekuje", "ale", "przez"],
        ["it"] = ["il", "la", "di", "che", "e", "non", "per", "un", "una", "sono", "mi", "ho", "del", "della", "grazie", "buongiorno", "salve", "cordiali", "saluti", "ordine", "gli", "le", "ma", "come", "anche", "perche"],
    };

    public static string? Detect(string text)
    {
        var words = TextFolding.Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        var scores = StopWords.ToDictionary(kv => kv.Key, kv => words.Count(kv.Value.Contains));
        var best = scores.MaxBy(kv => kv.Value);
        var isTie = scores.Count(kv => kv.Value == best.Value) > 1;
        return best.Value == 0 || isTie ? null : best.Key;
    }
}
