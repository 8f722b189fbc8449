using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Search;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.KnowledgeBase;

/// <summary>A found article: title and snippet are HTML with the matched words marked.</summary>
public sealed record ArticleMatch(string Key, string Language, string Title, string TitleHtml, string Summary, string SnippetHtml, bool Internal, double Score);

public sealed record ArticleMatches(string Query, string Language, IReadOnlyList<ArticleMatch> Items);

/// <summary>
/// Ranked help-center search in one language over published articles, diacritics folded. Customers never see
/// internal articles; agents can ask for them. <see cref="SearchQuery.AnyOf"/> queries (suggestions) use the same path.
/// </summary>
public sealed class SearchArticles(KalingaDb db)
{
    public const int MaxLimit = 50;

    public async Task<ArticleMatches> HandleAsync(string text, string? language, bool includeInternal, int limit, CancellationToken ct)
    {
        var query = SearchQuery.Parse(text ?? "");
        if (query.IsEmpty)
        {
            throw new RuleException("q", new LocalText("Loc4_Problem.Search.Words"));
        }

        return await FindAsync(query, text!, language, includeInternal, limit, ct);
    }

    public async Task<ArticleMatches> FindAsync(SearchQuery query, string text, string? language, bool includeInternal, int limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RuleException("limit", new LocalText("Loc4_Problem.Search.Limit", MaxLimit));
        }

        var lang = Languages.Normalize(language) ?? Languages.Default;
        if (query.IsEmpty)
        {
            return new ArticleMatches(text, lang, []);
        }

        var rows = await (
                from hit in db.SearchIndex.FindArticles(db, query, lang)
                join t in db.ArticleTranslations on hit.TranslationId equals t.Id
                join a in db.Articles on t.ArticleId equals a.Id
                where t.PublishedAt != null && (includeInternal || !a.IsInternal)
                orderby hit.Score, a.Id
                select new { a.Key, t.Title, t.Summary, t.PlainText, a.IsInternal, hit.Score })
            .Take(limit)
            .AsNoTracking()
            .ToListAsync(ct);

        return new ArticleMatches(text, lang, [.. rows.Select(r => new ArticleMatch(
            r.Key, lang, r.Title, Highlighter.Mark(r.Title, query), r.Summary,
            Highlighter.Snippet(r.PlainText.Length > 0 ? r.Summary + "\n" + r.PlainText : r.Summary, query), r.IsInternal, r.Score))]);
    }
}
