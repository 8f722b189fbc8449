using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.KnowledgeBase;

public enum TranslationChange
{
    Draft,
    Publish,
    Unpublish,
}

/// <summary>
/// The life of one translation: save a draft (a new language starts as one), publish it (rendered once, a new
/// version appended, the search index updated in the same transaction) or take it off the portal.
/// </summary>
public sealed class EditTranslation(KalingaDb db, ArticleMarkdown markdown, TimeProvider clock)
{
    public async Task<ArticleTranslation?> SaveDraftAsync(string key, string language, DraftRequest draft, long? agentId, CancellationToken ct) =>
        await ChangeAsync(key, language, (article, translation, now) =>
            translation.SaveDraft(draft.Title, draft.Summary, draft.Body, agentId, now), create: true, ct);

    public async Task<ArticleTranslation?> PublishAsync(string key, string language, long? agentId, CancellationToken ct) =>
        await ChangeAsync(key, language, (article, translation, now) =>
        {
            if (!translation.HasDraft)
            {
                throw new RuleException("draft", new LocalText("Loc4_Problem.Kb.NoDraft"));
            }

            var rendered = markdown.Render(translation.DraftBody!, translation.Language);
            translation.Publish(rendered.Html, rendered.PlainText, agentId, now);
            article.Published(now);
        }, create: false, ct);

    public async Task<ArticleTranslation?> UnpublishAsync(string key, string language, long? agentId, CancellationToken ct) =>
        await ChangeAsync(key, language, (article, translation, now) =>
        {
            translation.Unpublish();
            article.Touch(now);
        }, create: false, ct);

    /// <summary>Copies an old version into the draft; publishing the draft makes it live again as a new version.</summary>
    public async Task<ArticleTranslation?> RestoreAsync(string key, string language, int number, long? agentId, CancellationToken ct)
    {
        var version = await db.ArticleVersions.AsNoTracking()
            .Where(v => v.Number == number && db.ArticleTranslations.Any(t => t.Id == v.TranslationId && t.Language == language
                && db.Articles.Any(a => a.Id == t.ArticleId && a.Key == key)))
            .SingleOrDefaultAsync(ct);
        return version is null
            ? null
            : await ChangeAsync(key, language, (_, translation, now) => translation.RestoreIntoDraft(version, agentId, now), create: false, ct);
    }

    private async Task<ArticleTranslation?> ChangeAsync(
        string key, string language, Action<Article, ArticleTranslation, DateTime> change, bool create, CancellationToken ct)
    {
        language = CreateArticle.LanguageOf(language);
        var article = await db.Articles.Include(a => a.Translations.Where(t => t.Language == language)).SingleOrDefaultAsync(a => a.Key == key, ct);
        if (article is null || (!create && article.Translations.Count == 0))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var translation = article.TranslationFor(language, now);
        change(article, translation, now);
        await db.SaveChangesAsync(ct);
        return translation;
    }
}
