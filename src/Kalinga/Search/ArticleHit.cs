namespace Kalinga.Search;

/// <summary>One article translation that matched, with its relevance score (lower is better).</summary>
public sealed class ArticleHit
{
    public int TranslationId { get; init; }

    public double Score { get; init; }
}
