namespace Kalinga.KnowledgeBase;

/// <summary>A link to an article as lists show it; <c>Language</c> differs from the page's when the article falls back.</summary>
public sealed record ArticleLink(string Key, string Language, string Title, string Summary);

public sealed record SectionView(string Key, string Title, IReadOnlyList<ArticleLink> Articles);

public sealed record CategoryCard(string Key, string Title, string Description, int Articles);

public sealed record CategoryView(string Key, string Title, string Description, IReadOnlyList<SectionView> Sections);

public sealed record Breadcrumb(string CategoryKey, string CategoryTitle, string SectionKey, string SectionTitle);

/// <summary>
/// An article as the portal shows it. <c>Language</c> is the language of the text; when it is not the one asked for
/// (<c>RequestedLanguage</c>), the page says so. <c>Languages</c> are all the languages it is published in.
/// </summary>
public sealed record PortalArticle(
    int ArticleId,
    int TranslationId,
    string Key,
    string Language,
    string RequestedLanguage,
    string Title,
    string Summary,
    string Html,
    DateTime PublishedAt,
    long Views,
    Breadcrumb Breadcrumb,
    IReadOnlyList<string> Languages,
    IReadOnlyList<ArticleLink> Related)
{
    public bool IsFallback => Language != RequestedLanguage;
}
