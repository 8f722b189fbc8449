using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.KnowledgeBase;

public sealed record MustReadItem(string Key, string Title, DateTime? PublishedAt, DateTime? ReadAt, bool IsRead);

public sealed record ReaderView(long AgentId, string Name, DateTime? ReadAt, bool IsRead);

/// <summary>
/// Must-read bulletins: an agent confirms reading one, sees which are still due, and a supervisor sees who has read
/// each. A read counts until the bulletin is published again.
/// </summary>
public sealed class MustReads(KalingaDb db, TimeProvider clock)
{
    public async Task<bool> MarkReadAsync(string key, long agentId, CancellationToken ct)
    {
        var articleId = await db.Articles.Where(a => a.Key == key).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        if (articleId is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var read = await db.ArticleReads.SingleOrDefaultAsync(r => r.ArticleId == articleId && r.AgentId == agentId, ct);
        if (read is null)
        {
            db.ArticleReads.Add(new ArticleRead(articleId.Value, agentId, now));
        }
        else
        {
            read.ReadAt = now;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The agent's must-read bulletins, unread first, titled in <paramref name="language"/> where translated.</summary>
    public async Task<IReadOnlyList<MustReadItem>> ForAgentAsync(long agentId, string language, CancellationToken ct)
    {
        var rows = await db.Articles.AsNoTracking().Where(a => a.IsMustRead && a.Translations.Any(t => t.PublishedAt != null))
            .Select(a => new
            {
                a.Key,
                a.LastPublishedAt,
                Titles = a.Translations.Where(t => t.PublishedAt != null).Select(t => new { t.Language, t.Title }).ToList(),
                ReadAt = db.ArticleReads.Where(r => r.ArticleId == a.Id && r.AgentId == agentId).Select(r => (DateTime?)r.ReadAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => new MustReadItem(r.Key, r.Titles.OrderBy(t => BrowseHelpCenter.Preference(t.Language, language)).First().Title,
                r.LastPublishedAt, r.ReadAt, r.ReadAt >= r.LastPublishedAt))
            .OrderBy(r => r.IsRead).ThenByDescending(r => r.PublishedAt)];
    }

    public async Task<IReadOnlyList<ReaderView>?> ReadersAsync(string key, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Key == key).Select(a => new { a.Id, a.LastPublishedAt }).SingleOrDefaultAsync(ct);
        if (article is null)
        {
            return null;
        }

        var agents = await db.Agents.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, ReadAt = db.ArticleReads.Where(r => r.ArticleId == article.Id && r.AgentId == a.Id).Select(r => (DateTime?)r.ReadAt).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. agents.Select(a => new ReaderView(a.Id, a.Name, a.ReadAt, a.ReadAt >= article.LastPublishedAt))];
    }
}
