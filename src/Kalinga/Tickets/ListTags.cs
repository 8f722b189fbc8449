using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>A tag and how many tickets carry it.</summary>
public sealed record TagView(int Id, string Name, int Tickets);

/// <summary>
/// Tag autocomplete: the tags starting with what was typed, in name order. Usage is counted only for the page
/// returned, in a second query over the (TagId, TicketId) index, so typing one letter never counts every tag's tickets.
/// </summary>
public sealed class ListTags(KalingaDb db)
{
    public const int MaxLimit = 100;

    public async Task<IReadOnlyList<TagView>> HandleAsync(string? prefix, int limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RuleException("limit", new LocalText("Loc4_Problem.Tickets.TagsLimit", MaxLimit));
        }

        var typed = Tag.Normalize(prefix ?? "");
        var page = await db.Tags.AsNoTracking()
            .Where(t => typed.Length == 0 || t.Name.StartsWith(typed))
            .OrderBy(t => t.Name)
            .Take(limit)
            .Select(t => new { t.Id, t.Name })
            .ToListAsync(ct);

        var ids = page.Select(t => t.Id).ToList();
        var counts = await db.TicketTags
            .Where(x => ids.Contains(x.TagId))
            .GroupBy(x => x.TagId)
            .Select(g => new { TagId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.TagId, x => x.Count, ct);
        return [.. page.Select(t => new TagView(t.Id, t.Name, counts.GetValueOrDefault(t.Id)))];
    }
}
