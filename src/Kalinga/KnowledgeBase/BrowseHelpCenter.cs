using Kalinga.Data;
using Kalinga.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.KnowledgeBase;

/// <summary>
/// What the public help center shows: categories, a category's sections and articles, the most read articles.
/// Only published, public articles; each in the reader's language, or in English (then another language) when it
/// has no translation yet.
/// </summary>
public sealed class BrowseHelpCenter(KalingaDb db)
{
    public async Task<IReadOnlyList<CategoryCard>> CategoriesAsync(string language, CancellationToken ct)
    {
        var categories = await db.KbCategories.AsNoTracking().Where(c => !c.IsInternal).OrderBy(c => c.Position)
            .Select(c => new
            {
                c.Key,
                c.Titles,
                c.Descriptions,
                Articles = db.Articles.Count(a => !a.IsInternal && c.Sections.Select(s => s.Id).Contains(a.SectionId)
                    && a.Translations.Any(t => t.PublishedAt != null)),
            })
            .ToListAsync(ct);
        return [.. categories.Where(c => c.Articles > 0)
            .Select(c => new CategoryCard(c.Key, TitleIn(c.Titles, language, c.Key), TitleIn(c.Descriptions, language, ""), c.Articles))];
    }

    public async Task<CategoryView?> CategoryAsync(string key, string language, CancellationToken ct)
    {
        var category = await db.KbCategories.AsNoTracking().Include(c => c.Sections).SingleOrDefaultAsync(c => c.Key == key && !c.IsInternal, ct);
        if (category is null)
        {
            return null;
        }

        var sectionIds = category.Sections.Select(s => s.Id).ToList();
        var translations = await db.Articles.AsNoTracking()
            .Where(a => sectionIds.Contains(a.SectionId) && !a.IsInternal)
            .SelectMany(a => a.Translations.Where(t => t.PublishedAt != null),
                (a, t) => new { a.Id, a.Key, a.SectionId, a.Position, t.Language, t.Title, t.Summary })
            .ToListAsync(ct);
        var sections = category.Sections.OrderBy(s => s.Position).Select(s => new SectionView(
                s.Key, TitleIn(s.Titles, language, s.Key),
                [.. translations.Where(t => t.SectionId == s.Id).GroupBy(t => t.Id)
                    .Select(g => g.OrderBy(t => Preference(t.Language, language)).First())
                    .OrderBy(t => t.Position).ThenBy(t => t.Title, StringComparer.CurrentCulture)
                    .Select(t => new ArticleLink(t.Key, t.Language, t.Title, t.Summary))]))
            .Where(s => s.Articles.Count > 0)
            .ToList();
        return new CategoryView(category.Key, TitleIn(category.Titles, language, key), TitleIn(category.Descriptions, language, ""), sections);
    }

    public async Task<IReadOnlyList<ArticleLink>> PopularAsync(string language, int count, CancellationToken ct) =>
        await db.ArticleTranslations.AsNoTracking()
            .Where(t => t.Language == language && t.PublishedAt != null)
            .Join(db.Articles.Where(a => !a.IsInternal), t => t.ArticleId, a => a.Id, (t, a) => new { t, a.Key })
            .OrderByDescending(x => x.t.ViewCount).ThenBy(x => x.t.ArticleId)
            .Take(count)
            .Select(x => new ArticleLink(x.Key, x.t.Language, x.t.Title, x.t.Summary))
            .ToListAsync(ct);

    /// <summary>Every public article with the languages it is published in and when it last changed, for the sitemap.</summary>
    public async Task<IReadOnlyList<(string Key, IReadOnlyList<string> Languages, DateTime Changed)>> SitemapAsync(CancellationToken ct)
    {
        var rows = await db.Articles.AsNoTracking().Where(a => !a.IsInternal)
            .SelectMany(a => a.Translations.Where(t => t.PublishedAt != null), (a, t) => new { a.Key, t.Language, t.PublishedAt })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(r => r.Language).OrderBy(l => Preference(l, Languages.Default))], g.Max(r => r.PublishedAt!.Value)))];
    }

    public static string TitleIn(Dictionary<string, string> titles, string language, string fallback) =>
        titles.GetValueOrDefault(language) ?? titles.GetValueOrDefault(Languages.Default) ?? titles.Values.FirstOrDefault() ?? fallback;

    /// <summary>Which translation to show: the reader's language, then English, then the supported languages in order.</summary>
    public static int Preference(string candidate, string wanted) =>
        candidate == wanted ? 0 : candidate == Languages.Default ? 1 : 2 + Math.Max(0, Languages.Supported.ToList().IndexOf(candidate));
}
