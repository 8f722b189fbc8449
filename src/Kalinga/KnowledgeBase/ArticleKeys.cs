using System.Text.RegularExpressions;

namespace Kalinga.KnowledgeBase;

/// <summary>Keys name articles, categories and sections in URLs (<c>/kb/pl/articles/track-your-order</c>), so they are slugs.</summary>
public static partial class ArticleKeys
{
    public const int MaxLength = 100;

    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && Slug().IsMatch(key);

    public static string Check(string? key, string field) =>
        IsValid(key) ? key! : throw new RuleException(field, new LocalText("Loc4_Problem.Kb.Key"));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
