using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Search;

public sealed record SearchResult(TicketSummary Ticket, double Score, long? MessageId, string Snippet);

public sealed record SearchResults(string Query, IReadOnlyList<SearchResult> Items, bool HasMore);

/// <summary>Ranked tickets for what an agent typed, narrowed by the same filters as ticket lists, with a snippet of the match.</summary>
public sealed class SearchTickets(KalingaDb db)
{
    public const int MaxLimit = 100;
    private const int SnippetRadius = 90;

    public async Task<SearchResults> HandleAsync(string text, TicketFilter filter, int limit, int offset, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RuleException("limit", new LocalText("Loc4_Problem.Search.Limit", MaxLimit));
        }

        if (offset is < 0 or > 10_000)
        {
            throw new RuleException("offset", new LocalText("Loc4_Problem.Search.Offset"));
        }

        var query = SearchQuery.Parse(text ?? "");
        if (query.IsEmpty)
        {
            throw new RuleException("q", new LocalText("Loc4_Problem.Search.Words"));
        }

        await using var connection = await ConnectionScope.OpenAsync(db, ct);
        var found = await db.SearchIndex.FindAsync(db, query, offset + limit + 1, ct);
        var page = await PageAsync(found.Hits, filter, limit, offset, ct);
        if (found.Narrowed && (page.Count <= limit || (!found.SubjectsComplete && page.Any(h => h.MessageId is not null))))
        {
            page = await PageAsync((await db.SearchIndex.FindAsync(db, query, wanted: null, ct)).Hits, filter, limit, offset, ct);
        }

        var ids = page.Take(limit).Select(h => h.TicketId).ToList();
        var summaries = (await TicketSummaries.ListAsync(db, db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)), ct)).ToDictionary(t => t.Id);
        var messageIds = page.Where(h => h.MessageId is not null).Select(h => h.MessageId!.Value).ToList();
        var texts = await db.Messages.AsNoTracking().Where(m => messageIds.Contains(m.Id)).Select(m => new { m.Id, m.Text }).ToDictionaryAsync(m => m.Id, m => m.Text, ct);

        var items = page.Take(limit)
            .Select(h => new SearchResult(
                summaries[h.TicketId], h.Score, h.MessageId,
                Snippet(h.MessageId is { } mid ? texts[mid] : summaries[h.TicketId].Subject, query)))
            .ToList();
        return new SearchResults(text!, items, page.Count > limit);
    }

    private Task<List<PageHit>> PageAsync(IQueryable<SearchHit> hits, TicketFilter filter, int limit, int offset, CancellationToken ct) => (
            from hit in hits
            join ticket in db.Tickets.AsNoTracking().Matching(filter) on hit.TicketId equals ticket.Id
            orderby hit.Score, ticket.Id descending
            select new PageHit(hit.TicketId, hit.Score, hit.MessageId))
        .Skip(offset).Take(limit + 1)
        .ToListAsync(ct);

    private sealed record PageHit(long TicketId, double Score, long? MessageId);

    /// <summary>The part of the text around the first matched word, cut at word boundaries.</summary>
    internal static string Snippet(string text, SearchQuery query)
    {
        var folded = TextFolding.Fold(text);
        var at = query.Terms.Select(t => folded.IndexOf(t[0], StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();

        // Folding can change lengths (ß → ss); positions are close enough for a snippet, and clamped.
        at = Math.Min(at, text.Length);
        var start = Math.Max(0, at - SnippetRadius);
        var end = Math.Min(text.Length, at + SnippetRadius);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var snippet = text[start..end].ReplaceLineEndings(" ").Trim();
        return (start > 0 ? "…" : "") + snippet + (end < text.Length ? "…" : "");
    }
}
