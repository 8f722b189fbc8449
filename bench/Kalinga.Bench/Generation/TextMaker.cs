using System.Text;

namespace Kalinga.Bench.Generation;

/// <summary>
/// Writes subjects and message bodies in one language from its <see cref="Vocabulary"/>: mostly real sentences of the
/// demo conversations, some new ones from the word chain, with order, invoice and phone numbers renumbered so that
/// each ticket's identifiers are its own (an agent searching for an order number finds a handful of tickets, not 10,000).
/// </summary>
public sealed class TextMaker(Vocabulary words)
{
    public Vocabulary Words => words;

    public string Subject(Random random) => Renumber(Pick(random, words.Subjects), random);

    /// <summary>A body in the shape people write: greeting, a few paragraphs, closing and name.</summary>
    public string Message(Random random, string author, string signature)
    {
        var (min, max) = author switch
        {
            "customer" => (2, 7),
            "agent" => (3, 8),
            _ => (1, 3),
        };
        var text = new StringBuilder(1024);
        if (author != "note" && words.Greetings.TryGetValue(author, out var greetings) && random.NextDouble() < 0.8)
        {
            text.Append(Pick(random, greetings)).Append("\n\n");
        }

        var count = random.Next(min, max + 1);
        var pool = words.Sentences.GetValueOrDefault(author) ?? words.Sentences["customer"];
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(random.NextDouble() < 0.35 ? "\n\n" : " ");
            }

            text.Append(random.NextDouble() < 0.2 ? Chain(random) : Renumber(Pick(random, pool), random));
        }

        if (author != "note" && words.Closings.TryGetValue(author, out var closings))
        {
            text.Append("\n\n").Append(Pick(random, closings)).Append('\n').Append(signature);
        }

        return text.ToString();
    }

    /// <summary>
    /// A help-center article body in Markdown: four to six sections of the agents' sentences and word-chain sentences,
    /// each under a heading taken from the subjects; a few hundred words.
    /// </summary>
    public string Article(Random random)
    {
        var pool = words.Sentences.GetValueOrDefault("agent") ?? words.Sentences["customer"];
        var text = new StringBuilder(4096);
        var sections = random.Next(4, 7);
        for (var s = 0; s < sections; s++)
        {
            text.Append("## ").Append(Renumber(Pick(random, words.Subjects), random)).Append("\n\n");
            var sentences = random.Next(4, 8);
            for (var i = 0; i < sentences; i++)
            {
                text.Append(i == 0 ? "" : " ").Append(random.NextDouble() < 0.3 ? Chain(random) : Renumber(Pick(random, pool), random));
            }

            text.Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>A new sentence from the word chain, 6 to 30 words.</summary>
    private string Chain(Random random)
    {
        var sentence = new StringBuilder();
        var word = Pick(random, words.Starts);
        for (var n = 0; n < 30 && word.Length > 0; n++)
        {
            if (n > 0)
            {
                sentence.Append(' ');
            }

            sentence.Append(word);
            var next = words.Next[word];
            word = Pick(random, next);
            if (word.Length == 0 && n < 6)
            {
                word = Pick(random, next.Where(w => w.Length > 0).DefaultIfEmpty("").ToList());
            }
        }

        var last = sentence[^1];
        if (last is not ('.' or '!' or '?'))
        {
            sentence.Append('.');
        }

        return Renumber(sentence.ToString(), random);
    }

    /// <summary>Replaces each run of four or more digits with as many random digits.</summary>
    private static string Renumber(string text, Random random)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 4)
            {
                break;
            }
        }

        if (run < 4)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var start = 0; start < chars.Length;)
        {
            var end = start;
            while (end < chars.Length && char.IsAsciiDigit(chars[end]))
            {
                end++;
            }

            if (end - start >= 4)
            {
                for (var i = start; i < end; i++)
                {
                    chars[i] = (char)('0' + random.Next(i == start ? 1 : 0, 10));
                }
            }

            start = end + 1;
        }

        return new string(chars);
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> list) => list[random.Next(list.Count)];
}
