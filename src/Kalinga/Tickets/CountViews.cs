using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>
/// How many tickets each view holds, for the counts beside the view names. Each count stops at <see cref="Cap"/>:
/// the built-in and team views walk one (status, assignee/team, updated) index, and a saved view with an odd filter
/// reads at most Cap + 1 rows, so the counts cost the same with a thousand tickets or a million ("10,000+").
/// </summary>
public sealed class CountViews(KalingaDb db, ResolveView resolve)
{
    public const int Cap = 10_000;

    public async Task<IReadOnlyList<ViewCount>> HandleAsync(IReadOnlyList<TicketView> views, Actor caller, CancellationToken ct)
    {
        var counts = new List<ViewCount>(views.Count);
        foreach (var view in views)
        {
            var resolved = await resolve.ToFilterAsync(view, caller, ct);
            var count = await db.Tickets.Matching(resolved.Filter).Take(Cap + 1).CountAsync(ct);
            counts.Add(new ViewCount(view.Key, Math.Min(count, Cap), count > Cap));
        }

        return counts;
    }
}
