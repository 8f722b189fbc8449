using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.KnowledgeBase;

/// <summary>Records "was this helpful?" on a published public translation and keeps its running counts.</summary>
public sealed class RateArticle(KalingaDb db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(int translationId, bool helpful, string? comment, long? customerId, CancellationToken ct)
    {
        var isPublic = await db.ArticleTranslations.AnyAsync(
            t => t.Id == translationId && t.PublishedAt != null && db.Articles.Any(a => a.Id == t.ArticleId && !a.IsInternal), ct);
        if (!isPublic)
        {
            return false;
        }

        db.ArticleFeedback.Add(new ArticleFeedback(translationId, helpful, comment, customerId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        var counted = db.ArticleTranslations.Where(t => t.Id == translationId);
        await (helpful
            ? counted.ExecuteUpdateAsync(s => s.SetProperty(t => t.HelpfulCount, t => t.HelpfulCount + 1), ct)
            : counted.ExecuteUpdateAsync(s => s.SetProperty(t => t.NotHelpfulCount, t => t.NotHelpfulCount + 1), ct));
        return true;
    }
}
