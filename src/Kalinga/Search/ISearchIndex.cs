using Kalinga.Data;

namespace Kalinga.Search;

/// <summary>The database's own full-text engine: FTS5 on SQLite, tsvector with GIN on PostgreSQL.</summary>
public interface ISearchIndex
{
    /// <summary>Indexes what a save wrote; called inside the save's transaction.</summary>
    Task WriteAsync(KalingaDb db, SearchChanges changes, CancellationToken ct);

    /// <summary>Matching tickets with a score (lower is better), as a query the caller can filter and page.</summary>
    Task<IQueryable<SearchHit>> FindAsync(KalingaDb db, SearchQuery query, CancellationToken ct);

    /// <summary>Published article translations in <paramref name="language"/> that match, with a score (lower is better).</summary>
    IQueryable<ArticleHit> FindArticles(KalingaDb db, SearchQuery query, string language);
}

/// <summary>One ticket that matched, with its score and the best-matching message (null when only the subject matched).</summary>
public sealed class SearchHit
{
    public long TicketId { get; init; }

    public double Score { get; init; }

    public long? MessageId { get; init; }
}
