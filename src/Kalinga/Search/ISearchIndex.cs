using Kalinga.Data;

namespace Kalinga.Search;

/// <summary>The database's own full-text engine: FTS5 on SQLite, tsvector with GIN on PostgreSQL.</summary>
public interface ISearchIndex
{
    /// <summary>Indexes what a save wrote; called inside the save's transaction.</summary>
    Task WriteAsync(KalingaDb db, SearchChanges changes, CancellationToken ct);

    /// <summary>
    /// Matching tickets with a score (lower is better), as a query the caller can filter and page. With
    /// <paramref name="wanted"/> the index may look at fewer matches than it otherwise would, when the first
    /// <paramref name="wanted"/> rows of the result are the same either way as long as there are that many:
    /// <see cref="SearchHits.Narrowed"/> then tells the caller to ask again without it when its page comes out short.
    /// </summary>
    Task<SearchHits> FindAsync(KalingaDb db, SearchQuery query, int? wanted, CancellationToken ct);

    /// <summary>Published article translations in <paramref name="language"/> that match, with a score (lower is better).</summary>
    IQueryable<ArticleHit> FindArticles(KalingaDb db, SearchQuery query, string language);
}

/// <summary>
/// The hits of a search. <see cref="Narrowed"/> when only the newest few matches were looked at: a page of them is
/// right when it is full and, unless <see cref="SubjectsComplete"/> (every subject match was looked at), holds subject
/// matches only (hits without a message).
/// </summary>
public sealed record SearchHits(IQueryable<SearchHit> Hits, bool Narrowed, bool SubjectsComplete = true);

/// <summary>One ticket that matched, with its score and the best-matching message (null when only the subject matched).</summary>
public sealed class SearchHit
{
    public long TicketId { get; init; }

    public double Score { get; init; }

    public long? MessageId { get; init; }
}
