using Kalinga.Data;
using Kalinga.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.KnowledgeBase;

/// <summary>
/// A new article with its first translation as a draft, published at once when asked (the endpoint lets only editors
/// ask). An article in an internal category is internal whatever the request says.
/// </summary>
public sealed class CreateArticle(KalingaDb db, ArticleMarkdown markdown, TimeProvider clock)
{
    public async Task<Article> HandleAsync(CreateArticleRequest request, long? agentId, CancellationToken ct)
    {
        var key = ArticleKeys.Check(request.Key, "key");
        if (await db.Articles.AnyAsync(a => a.Key == key, ct))
        {
            throw new ConflictException("key", new LocalText("Loc4_Problem.Kb.KeyTaken", key));
        }

        var section = await SectionAsync(db, request.SectionKey, ct);
        var language = LanguageOf(request.Language);
        var now = clock.GetUtcNow().UtcDateTime;
        var article = new Article(key, section.Id, now)
        {
            IsInternal = request.Internal || section.CategoryInternal,
            IsMustRead = request.MustRead,
        };
        article.SetTags(request.Tags ?? []);
        var translation = article.TranslationFor(language, now);
        translation.SaveDraft(request.Title, request.Summary, request.Body, agentId, now);
        if (request.Publish)
        {
            var rendered = markdown.Render(translation.DraftBody!, language);
            translation.Publish(rendered.Html, rendered.PlainText, agentId, now);
            article.Published(now);
        }

        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        return article;
    }

    internal static async Task<(int Id, bool CategoryInternal)> SectionAsync(KalingaDb db, string? key, CancellationToken ct)
    {
        var section = await db.KbSections.Where(s => s.Key == key)
            .Select(s => new { s.Id, Internal = db.KbCategories.Where(c => c.Id == s.CategoryId).Select(c => c.IsInternal).First() })
            .SingleOrDefaultAsync(ct);
        return section is null ? throw new RuleException("sectionKey", new LocalText("Loc4_Problem.Kb.NoSection", key)) : (section.Id, section.Internal);
    }

    internal static string LanguageOf(string? code) =>
        Languages.IsSupported(code) ? code! : throw new RuleException("language", new LocalText("Adm3_Problem.UseOneOf", string.Join(", ", Languages.Supported)));
}
