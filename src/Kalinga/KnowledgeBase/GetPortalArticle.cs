using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.KnowledgeBase;

/// <summary>
/// One public article for the portal, in the reader's language or its fallback, with where it sits and what else
/// to read: published articles of the same section first, then of the same category, most read first.
/// </summary>
public sealed class GetPortalArticle(KalingaDb db)
{
    private const int RelatedCount = 5;

    public async Task<PortalArticle?> HandleAsync(string key, string language, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Key == key && !a.IsInternal)
            .Select(a => new { a.Id, a.SectionId, Languages = a.Translations.Where(t => t.PublishedAt != null).Select(t => t.Language).ToList() })
            .SingleOrDefaultAsync(ct);
        if (article is null || article.Languages.Count == 0)
        {
            return null;
        }

        var shown = article.Languages.OrderBy(l => BrowseHelpCenter.Preference(l, language)).First();
        var t = await db.ArticleTranslations.AsNoTracking().SingleAsync(x => x.ArticleId == article.Id && x.Language == shown, ct);
        var place = await db.KbSections.AsNoTracking().Where(s => s.Id == article.SectionId)
            .Join(db.KbCategories, s => s.CategoryId, c => c.Id, (s, c) => new { Section = s, Category = c })
            .SingleAsync(ct);
        var siblings = db.KbSections.Where(s => s.CategoryId == place.Category.Id).Select(s => s.Id);
        var related = await db.Articles.AsNoTracking()
            .Where(a => a.Id != article.Id && !a.IsInternal && siblings.Contains(a.SectionId))
            .SelectMany(a => a.Translations.Where(x => x.Language == shown && x.PublishedAt != null),
                (a, x) => new { a.Key, a.SectionId, x.Language, x.Title, x.Summary, x.ViewCount })
            .OrderBy(x => x.SectionId == article.SectionId ? 0 : 1).ThenByDescending(x => x.ViewCount).ThenBy(x => x.Key)
            .Take(RelatedCount)
            .ToListAsync(ct);

        return new PortalArticle(
            article.Id, t.Id, key, shown, language, t.Title, t.Summary, t.Html, t.PublishedAt!.Value, t.ViewCount,
            new Breadcrumb(place.Category.Key, BrowseHelpCenter.TitleIn(place.Category.Titles, language, place.Category.Key),
                place.Section.Key, BrowseHelpCenter.TitleIn(place.Section.Titles, language, place.Section.Key)),
            [.. article.Languages.OrderBy(l => BrowseHelpCenter.Preference(l, Localization.Languages.Default))],
            [.. related.Select(r => new ArticleLink(r.Key, r.Language, r.Title, r.Summary))]);
    }

    /// <summary>Counts one read of a translation; a single UPDATE, so readers never wait on each other.</summary>
    public async Task CountViewAsync(int translationId, CancellationToken ct) =>
        await db.ArticleTranslations.Where(t => t.Id == translationId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ViewCount, t => t.ViewCount + 1), ct);
}
