using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.KnowledgeBase;

public sealed record FeedbackView(long Id, string Language, bool Helpful, string? Comment, long? CustomerId, DateTime CreatedAt);

/// <summary>The help center as its authors see it: every article (internal ones too), drafts, versions and feedback.</summary>
public sealed class ReadArticles(KalingaDb db)
{
    public const int MaxLimit = 200;

    public async Task<IReadOnlyList<ArticleListItem>> ListAsync(ArticleListFilter filter, int limit, int offset, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit || offset < 0)
        {
            throw new RuleException("limit", new LocalText("Loc4_Problem.Kb.ReadLimit", MaxLimit));
        }

        var articles = db.Articles.AsNoTracking();
        if (filter.Section is { } sectionKey)
        {
            articles = articles.Where(a => db.KbSections.Any(s => s.Id == a.SectionId && s.Key == sectionKey));
        }

        if (filter.Category is { } categoryKey)
        {
            articles = articles.Where(a => db.KbSections.Any(s => s.Id == a.SectionId && db.KbCategories.Any(c => c.Id == s.CategoryId && c.Key == categoryKey)));
        }

        if (filter.MustRead is { } mustRead)
        {
            articles = articles.Where(a => a.IsMustRead == mustRead);
        }

        if (filter.Internal is { } isInternal)
        {
            articles = articles.Where(a => a.IsInternal == isInternal);
        }

        if (filter.Keys is { } keys)
        {
            articles = articles.Where(a => keys.Contains(a.Key));
        }

        if (filter.State is { } state)
        {
            var language = CreateArticle.LanguageOf(filter.Language ?? Localization.Languages.Default);
            articles = state switch
            {
                TranslationState.Published => articles.Where(a => a.Translations.Any(t => t.Language == language && t.PublishedAt != null)),
                TranslationState.Draft => articles.Where(a => a.Translations.Any(t => t.Language == language && t.PublishedAt == null)),
                _ => articles.Where(a => !a.Translations.Any(t => t.Language == language)),
            };
        }

        return await articles.OrderBy(a => a.Key).Skip(offset).Take(limit)
            .Select(a => new ArticleListItem(
                a.Key,
                db.KbSections.Where(s => s.Id == a.SectionId).SelectMany(s => db.KbCategories.Where(c => c.Id == s.CategoryId)).Select(c => c.Key).First(),
                db.KbSections.Where(s => s.Id == a.SectionId).Select(s => s.Key).First(), a.IsInternal, a.IsMustRead, a.Tags, a.UpdatedAt,
                a.Translations.OrderBy(t => t.Language)
                    .Select(t => new TranslationSummary(
                        t.Language, t.PublishedAt != null ? t.Title : t.DraftTitle ?? "", t.PublishedAt != null, t.DraftBody != null, t.PublishedVersion,
                        t.ViewCount, t.HelpfulCount, t.NotHelpfulCount))
                    .ToList()))
            .ToListAsync(ct);
    }

    public async Task<ArticleDetails?> GetAsync(string key, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Translations).SingleOrDefaultAsync(a => a.Key == key, ct);
        if (article is null)
        {
            return null;
        }

        var place = await db.KbSections.Where(s => s.Id == article.SectionId)
            .Select(s => new { s.Key, Category = db.KbCategories.Where(c => c.Id == s.CategoryId).Select(c => c.Key).First() }).SingleAsync(ct);
        return new ArticleDetails(
            article.Key, place.Category, place.Key, article.IsInternal, article.IsMustRead, article.Tags, article.CreatedAt, article.UpdatedAt, article.LastPublishedAt,
            [.. article.Translations.OrderBy(t => t.Language).Select(t => new TranslationView(
                t.Language, t.IsPublished, t.Title, t.Summary, t.Body, t.PublishedAt, t.PublishedVersion,
                t.HasDraft ? new DraftView(t.DraftTitle!, t.DraftSummary ?? "", t.DraftBody!, t.DraftSavedAt!.Value, t.DraftSavedById) : null,
                t.ViewCount, t.HelpfulCount, t.NotHelpfulCount))]);
    }

    public async Task<IReadOnlyList<VersionView>?> VersionsAsync(string key, string language, CancellationToken ct)
    {
        var translationId = await db.ArticleTranslations
            .Where(t => t.Language == language && db.Articles.Any(a => a.Id == t.ArticleId && a.Key == key))
            .Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
        return translationId is null ? null : await db.ArticleVersions.AsNoTracking()
            .Where(v => v.TranslationId == translationId)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionView(v.Number, v.Title, v.Summary, v.Body, v.PublishedAt, v.PublishedById,
                db.Agents.Where(a => a.Id == v.PublishedById).Select(a => a.Name).FirstOrDefault()))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<FeedbackView>?> FeedbackAsync(string key, int limit, CancellationToken ct)
    {
        var articleId = await db.Articles.Where(a => a.Key == key).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        return articleId is null ? null : await db.ArticleFeedback.AsNoTracking()
            .Join(db.ArticleTranslations.Where(t => t.ArticleId == articleId), f => f.TranslationId, t => t.Id, (f, t) => new { f, t.Language })
            .OrderByDescending(x => x.f.Id).Take(Math.Clamp(limit, 1, MaxLimit))
            .Select(x => new FeedbackView(x.f.Id, x.Language, x.f.IsHelpful, x.f.Comment, x.f.CustomerId, x.f.CreatedAt))
            .ToListAsync(ct);
    }
}
