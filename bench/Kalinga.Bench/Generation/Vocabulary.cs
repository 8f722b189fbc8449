using System.Text.RegularExpressions;

namespace Kalinga.Bench.Generation;

/// <summary>
/// The words of one language as the demo conversations use them: subjects, greetings, closings and body sentences
/// by author (customer, agent, note), a word chain for new sentences, and the names people and companies have.
/// </summary>
public sealed partial class Vocabulary
{
    private Vocabulary(string language)
    {
        Language = language;
    }

    public string Language { get; }

    public List<string> Subjects { get; } = [];

    public List<string> Tags { get; } = [];

    public List<string> FirstNames { get; } = [];

    public List<string> LastNames { get; } = [];

    public List<DemoOrganization> Organizations { get; } = [];

    public Dictionary<string, List<string>> Greetings { get; } = [];

    public Dictionary<string, List<string>> Closings { get; } = [];

    public Dictionary<string, List<string>> Sentences { get; } = [];

    /// <summary>Which words follow which in body sentences (a first-order chain), with the words that start sentences.</summary>
    public Dictionary<string, List<string>> Next { get; } = [];

    public List<string> Starts { get; } = [];

    public static Vocabulary Build(string language)
    {
        var demo = DemoConversations.Load(language);
        var v = new Vocabulary(language);
        v.Organizations.AddRange(demo.Organizations);
        foreach (var name in demo.Customers.Select(c => c.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length >= 2))
        {
            v.FirstNames.Add(name[0]);
            v.LastNames.Add(name[^1]);
        }

        foreach (var conversation in demo.Conversations)
        {
            v.Subjects.Add(conversation.Subject);
            v.Tags.AddRange(conversation.Tags);
            foreach (var message in conversation.Messages)
            {
                v.Learn(message.From, message.Text);
            }
        }

        var tags = v.Tags.Distinct().Order(StringComparer.Ordinal).ToList();
        v.Tags.Clear();
        v.Tags.AddRange(tags);
        return v;
    }

    /// <summary>
    /// A short first paragraph ending in a comma is a greeting ("Dzień dobry,"); short last paragraphs are the closing and
    /// signature, of which only the first line ("Pozdrawiam") is kept, since the name is the generated author's.
    /// </summary>
    private void Learn(string author, string text)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (paragraphs.Count > 1 && paragraphs[0].Length <= 40 && paragraphs[0].EndsWith(','))
        {
            Add(Greetings, author, paragraphs[0]);
            paragraphs.RemoveAt(0);
        }

        if (paragraphs.Count > 1 && paragraphs[^1].Length <= 60)
        {
            Add(Closings, author, paragraphs[^1].Split('\n')[0].Trim());
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        foreach (var sentence in paragraphs.SelectMany(p => SentenceEnd().Split(p.Replace('\n', ' '))).Select(s => s.Trim()).Where(s => s.Length >= 12))
        {
            Add(Sentences, author, sentence);
            var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Starts.Add(words[0]);
            for (var i = 0; i < words.Length; i++)
            {
                Add(Next, words[i], i + 1 < words.Length ? words[i + 1] : "");
            }
        }
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    [GeneratedRegex(@"(?<=[.!?…])\s+")]
    private static partial Regex SentenceEnd();
}
