namespace Kalinga.KnowledgeBase;

public sealed record CreateArticleRequest(
    string Key,
    string SectionKey,
    string Language,
    string Title,
    string Body,
    string? Summary = null,
    bool Internal = false,
    bool MustRead = false,
    IReadOnlyList<string>? Tags = null,
    bool Publish = false);

/// <summary>Fields to change; null leaves a field as it is.</summary>
public sealed record UpdateArticleRequest(string? SectionKey = null, bool? Internal = null, bool? MustRead = null, IReadOnlyList<string>? Tags = null);

public sealed record DraftRequest(string Title, string Body, string? Summary = null);

public sealed record DraftView(string Title, string Summary, string Body, DateTime SavedAt, long? SavedById);

/// <summary>One language of an article for its authors: what is live, and the draft waiting to replace it.</summary>
public sealed record TranslationView(
    string Language, bool Published, string Title, string Summary, string Body, DateTime? PublishedAt, int Version,
    DraftView? Draft, long Views, int Helpful, int NotHelpful);

public sealed record ArticleDetails(
    string Key, string CategoryKey, string SectionKey, bool Internal, bool MustRead, IReadOnlyList<string> Tags,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? LastPublishedAt, IReadOnlyList<TranslationView> Translations);

public sealed record TranslationSummary(string Language, string Title, bool Published, bool HasDraft, int Version, long Views, int Helpful, int NotHelpful);

public sealed record ArticleListItem(
    string Key, string CategoryKey, string SectionKey, bool Internal, bool MustRead, IReadOnlyList<string> Tags, DateTime UpdatedAt,
    IReadOnlyList<TranslationSummary> Translations);

/// <summary>Where a language stands for one article: live on the portal, only a draft, or not written yet.</summary>
public enum TranslationState
{
    Published,
    Draft,
    Missing,
}

/// <summary>
/// Which articles a list shows; null leaves a filter off. <c>State</c> applies to <c>Language</c> (English when none
/// is given); <c>Keys</c> narrows the list to search results.
/// </summary>
public sealed record ArticleListFilter(
    string? Section = null,
    string? Category = null,
    bool? MustRead = null,
    bool? Internal = null,
    string? Language = null,
    TranslationState? State = null,
    IReadOnlyCollection<string>? Keys = null);

public sealed record VersionView(int Number, string Title, string Summary, string Body, DateTime PublishedAt, long? PublishedById, string? PublishedBy);
