using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.KnowledgeBase;

/// <summary>Moves an article, changes its audience, must-read flag or tags. Articles in an internal category stay internal.</summary>
public sealed class UpdateArticle(KalingaDb db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(string key, UpdateArticleRequest request, CancellationToken ct)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Key == key, ct);
        if (article is null)
        {
            return false;
        }

        var categoryInternal = false;
        if (request.SectionKey is not null)
        {
            (article.SectionId, categoryInternal) = await CreateArticle.SectionAsync(db, request.SectionKey, ct);
        }
        else
        {
            categoryInternal = await db.KbSections.Where(s => s.Id == article.SectionId)
                .Select(s => db.KbCategories.Where(c => c.Id == s.CategoryId).Select(c => c.IsInternal).First()).SingleAsync(ct);
        }

        article.IsInternal = (request.Internal ?? article.IsInternal) || categoryInternal;
        article.IsMustRead = request.MustRead ?? article.IsMustRead;
        if (request.Tags is not null)
        {
            article.SetTags(request.Tags);
        }

        article.Touch(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
