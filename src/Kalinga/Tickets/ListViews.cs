using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>The views an agent sees: the built-in ones, one per team, their own saved views and the shared ones.</summary>
public sealed class ListViews(KalingaDb db)
{
    public async Task<IReadOnlyList<TicketView>> HandleAsync(long agentId, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var saved = await db.SavedViews.AsNoTracking()
            .Where(v => v.AgentId == agentId || v.IsShared)
            .OrderBy(v => v.Name).ThenBy(v => v.Id)
            .ToListAsync(ct);
        return
        [
            .. BuiltInViews.Keys.Select(BuiltInViews.Get),
            .. teams.Select(t => BuiltInViews.ForTeam(t.Id, t.Name)),
            .. saved.Select(ToView),
        ];
    }

    public static TicketView ToView(SavedView v) => new($"saved-{v.Id}", TicketViewKind.Saved, v.Name, v.Query, v.Sort, v.IsShared, v.AgentId);
}
