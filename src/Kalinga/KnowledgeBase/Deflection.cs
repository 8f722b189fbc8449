using System.Text.RegularExpressions;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.KnowledgeBase;

public sealed record DeflectedArticle(string Key, int Deflections);

/// <summary>
/// Of the request forms in which a customer opened a suggested article: how many were sent anyway, how many were left
/// (deflected: the article answered them), and how many may still be sent (opened less than half an hour ago).
/// </summary>
public sealed record DeflectionReport(int FormsWithArticlesOpened, int SubmittedAnyway, int Deflected, int Undecided, IReadOnlyList<DeflectedArticle> TopArticles);

/// <summary>
/// Counts self-service: the request form has its own random id; opening a suggested article records a visit under
/// it, and sending the form links its visits to the new ticket. A form with visits that is never sent was deflected.
/// </summary>
public sealed partial class Deflection(KalingaDb db, TimeProvider clock)
{
    public static readonly TimeSpan DecidedAfter = TimeSpan.FromMinutes(30);

    public static bool IsFormId(string? id) => id is not null && FormId().IsMatch(id);

    public static string NewFormId() => Guid.NewGuid().ToString("N");

    public async Task RecordVisitAsync(string formId, int articleId, string language, CancellationToken ct)
    {
        if (!IsFormId(formId))
        {
            return;
        }

        db.SuggestedArticleVisits.Add(new SuggestedArticleVisit(formId, articleId, language, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }

    public async Task FormSubmittedAsync(string? formId, long ticketId, CancellationToken ct)
    {
        if (IsFormId(formId))
        {
            await db.SuggestedArticleVisits.Where(v => v.FormId == formId).ExecuteUpdateAsync(s => s.SetProperty(v => v.TicketId, ticketId), ct);
        }
    }

    public async Task<DeflectionReport> ReportAsync(DateTime from, DateTime to, CancellationToken ct)
    {
        var decidedBefore = clock.GetUtcNow().UtcDateTime - DecidedAfter;
        var visits = await db.SuggestedArticleVisits.AsNoTracking()
            .Where(v => v.OpenedAt >= from && v.OpenedAt < to)
            .Select(v => new { v.FormId, v.ArticleId, v.OpenedAt, v.TicketId })
            .ToListAsync(ct);
        var forms = visits.GroupBy(v => v.FormId)
            .Select(g => new { Submitted = g.Any(v => v.TicketId != null), Last = g.Max(v => v.OpenedAt), Articles = g.Select(v => v.ArticleId).Distinct().ToList() })
            .ToList();
        var deflected = forms.Where(f => !f.Submitted && f.Last < decidedBefore).ToList();
        var top = deflected.SelectMany(f => f.Articles).GroupBy(id => id).OrderByDescending(g => g.Count()).Take(10).ToList();
        var ids = top.Select(g => g.Key).ToList();
        var keys = await db.Articles.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Key, ct);
        return new DeflectionReport(
            forms.Count, forms.Count(f => f.Submitted), deflected.Count, forms.Count(f => !f.Submitted && f.Last >= decidedBefore),
            [.. top.Select(g => new DeflectedArticle(keys[g.Key], g.Count()))]);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex FormId();
}
