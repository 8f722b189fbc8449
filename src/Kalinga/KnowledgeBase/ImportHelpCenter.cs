using Kalinga.Data;
using Kalinga.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.KnowledgeBase;

public sealed record ImportReport(int Categories, int Sections, int Articles, int Published, int Unchanged);

/// <summary>
/// Loads categories, sections and article files into the help center, publishing each translation. Running it again
/// with the same files changes nothing; a changed file is published as a new version, so history is kept.
/// </summary>
public sealed class ImportHelpCenter(KalingaDb db, ArticleMarkdown markdown, TimeProvider clock)
{
    public async Task<ImportReport> HandleAsync(IReadOnlyList<CategoryDefinition> structure, IReadOnlyList<ArticleDocument> documents, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var categories = await db.KbCategories.Include(c => c.Sections).ToDictionaryAsync(c => c.Key, ct);
        var placement = new Dictionary<string, (KbSection Section, int Position)>();
        var sectionCount = 0;
        foreach (var (definition, position) in structure.Select((d, i) => (d, i)))
        {
            if (!categories.TryGetValue(definition.Key, out var category))
            {
                category = new KbCategory(definition.Key, position, definition.Internal);
                db.KbCategories.Add(category);
                categories[definition.Key] = category;
            }

            category.Position = position;
            category.IsInternal = definition.Internal;
            category.Titles = new(definition.Titles);
            category.Descriptions = new(definition.Descriptions ?? []);
            foreach (var (s, sectionPosition) in definition.Sections.Select((s, i) => (s, i)))
            {
                var section = category.Sections.FirstOrDefault(x => x.Key == s.Key);
                if (section is null)
                {
                    section = new KbSection(s.Key, sectionPosition);
                    category.Sections.Add(section);
                }

                section.Position = sectionPosition;
                section.Titles = new(s.Titles);
                sectionCount++;
                foreach (var (key, articlePosition) in (s.Articles ?? []).Select((k, i) => (k, i)))
                {
                    placement[key] = (section, articlePosition);
                }
            }
        }

        await db.SaveChangesAsync(ct);

        var keys = documents.Select(d => d.Key).Distinct().ToList();
        var articles = await db.Articles.Include(a => a.Translations).Where(a => keys.Contains(a.Key)).ToDictionaryAsync(a => a.Key, ct);
        int published = 0, unchanged = 0;
        foreach (var doc in documents)
        {
            var category = categories.GetValueOrDefault(doc.Category)
                ?? throw new RuleException("category", new LocalText("Loc4_Problem.Kb.ImportUnknownCategory", doc.Key, doc.Language, doc.Category));
            var (section, position) = SectionFor(doc, category, placement);
            if (!articles.TryGetValue(doc.Key, out var article))
            {
                article = new Article(doc.Key, section.Id, now);
                db.Articles.Add(article);
                articles[doc.Key] = article;
            }

            article.SectionId = section.Id;
            article.Position = position;
            article.IsInternal = doc.Internal || category.IsInternal;
            article.IsMustRead = doc.MustRead;
            article.SetTags(doc.Tags);

            var language = Languages.Normalize(doc.Language) ?? throw new RuleException("language", new LocalText("Loc4_Problem.Kb.ImportLanguage", doc.Language));
            var translation = article.TranslationFor(language, now);
            if (translation.IsPublished && translation.Title == doc.Title.Trim() && translation.Summary == doc.Summary.Trim() && translation.Body == doc.Body.Trim())
            {
                unchanged++;
                continue;
            }

            translation.SaveDraft(doc.Title, doc.Summary, doc.Body, null, now);
            var rendered = markdown.Render(translation.DraftBody!, language);
            translation.Publish(rendered.Html, rendered.PlainText, null, now);
            article.Published(now);
            published++;
        }

        await db.SaveChangesAsync(ct);
        return new ImportReport(structure.Count, sectionCount, articles.Count, published, unchanged);
    }

    private static (KbSection Section, int Position) SectionFor(ArticleDocument doc, KbCategory category, Dictionary<string, (KbSection, int)> placement)
    {
        if (doc.Section is { } named)
        {
            var section = category.Sections.FirstOrDefault(s => s.Key == named)
                ?? throw new RuleException("section", new LocalText("Loc4_Problem.Kb.ImportUnknownSection", doc.Key, named, category.Key));
            return (section, placement.TryGetValue(doc.Key, out var p) ? p.Item2 : int.MaxValue / 2);
        }

        if (placement.TryGetValue(doc.Key, out var placed) && category.Sections.Contains(placed.Item1))
        {
            return placed;
        }

        var first = category.Sections.OrderBy(s => s.Position).FirstOrDefault()
            ?? throw new RuleException("category", new LocalText("Loc4_Problem.Kb.ImportNoSection", category.Key, doc.Key));
        return (first, int.MaxValue / 2);
    }
}
