namespace Kalinga.KnowledgeBase;

/// <summary>
/// One article in one language as a Markdown file with front matter, the format the help center is imported from:
/// <code>
/// ---
/// key: track-your-order
/// category: orders-delivery
/// title: Track your order
/// summary: One sentence.
/// tags: [orders, tracking]
/// internal: false
/// mustRead: false
/// ---
/// ## Markdown body…
/// </code>
/// An optional <c>section:</c> line names the section; without it the category's structure decides.
/// </summary>
public sealed record ArticleDocument(
    string Key, string Category, string? Section, string Language, string Title, string Summary,
    IReadOnlyList<string> Tags, bool Internal, bool MustRead, string Body)
{
    public static ArticleDocument Parse(string text, string language, string source)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length < 3 || lines[0].Trim() != "---")
        {
            throw new FormatException($"{source}: the file must start with a front matter block between --- lines.");
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            throw new FormatException($"{source}: the front matter has no closing --- line.");
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[1..end].Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"{source}: '{line}' is not a 'name: value' line.");
            }

            fields[line[..colon].Trim()] = Unquote(line[(colon + 1)..].Trim());
        }

        string Required(string name) => fields.TryGetValue(name, out var v) && v.Length > 0
            ? v
            : throw new FormatException($"{source}: the front matter has no '{name}'.");

        return new ArticleDocument(
            Required("key"), Required("category"), fields.GetValueOrDefault("section"), language, Required("title"),
            fields.GetValueOrDefault("summary") ?? "", ListOf(fields.GetValueOrDefault("tags")),
            Flag(fields, "internal", source), Flag(fields, "mustRead", source),
            string.Join('\n', lines[(end + 1)..]).Trim());
    }

    private static bool Flag(Dictionary<string, string> fields, string name, string source) =>
        !fields.TryGetValue(name, out var value) || value.Length == 0 ? false
        : bool.TryParse(value, out var flag) ? flag
        : throw new FormatException($"{source}: '{name}' must be true or false, not '{value}'.");

    private static List<string> ListOf(string? value) =>
        value is null ? [] : [.. value.Trim('[', ']').Split(',').Select(t => Unquote(t.Trim())).Where(t => t.Length > 0)];

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
