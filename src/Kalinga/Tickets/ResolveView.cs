using System.Globalization;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>A view's tickets as a filter and an order, ready for <see cref="ListTickets"/>.</summary>
public sealed record ResolvedView(TicketView View, TicketFilter Filter, TicketSort Sort, bool Descending);

/// <summary>Turns a view key (<c>mine</c>, <c>team-3</c>, <c>saved-12</c>) into its filter for the agent asking.</summary>
public sealed class ResolveView(KalingaDb db, TimeProvider clock)
{
    public async Task<ResolvedView?> HandleAsync(string key, Actor caller, CancellationToken ct)
    {
        var view = await FindAsync(key, caller, ct);
        return view is null ? null : await ToFilterAsync(view, caller, ct);
    }

    public async Task<ResolvedView> ToFilterAsync(TicketView view, Actor caller, CancellationToken ct)
    {
        var filter = await TicketQueryString.Parse(view.Query).ToFilterAsync(db, caller, ct);
        if (view.Key == BuiltInViews.Solved)
        {
            filter = filter with { UpdatedFrom = clock.GetUtcNow().UtcDateTime - BuiltInViews.RecentlySolved };
        }

        var (sort, descending) = ParseSort(view.Sort);
        return new ResolvedView(view, filter, sort, descending);
    }

    /// <summary><c>-updated</c> is newest first; <c>created</c> oldest first.</summary>
    public static (TicketSort Sort, bool Descending) ParseSort(string sort)
    {
        var descending = sort.StartsWith('-');
        var word = sort.TrimStart('-');
        return Enum.TryParse<TicketSort>(word, ignoreCase: true, out var by) && !int.TryParse(word, out _)
            ? (by, descending)
            : throw new RuleException("sort", new LocalText("Loc4_Problem.Tickets.Sort"));
    }

    public static string FormatSort(TicketSort sort, bool descending) =>
        (descending ? "-" : "") + sort.ToString().ToLowerInvariant();

    private async Task<TicketView?> FindAsync(string key, Actor caller, CancellationToken ct)
    {
        if (BuiltInViews.Keys.Contains(key))
        {
            return BuiltInViews.Get(key);
        }

        if (key.StartsWith("team-", StringComparison.Ordinal) && long.TryParse(key[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var teamId))
        {
            var name = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(ct);
            return name is null ? null : BuiltInViews.ForTeam(teamId, name);
        }

        if (key.StartsWith("saved-", StringComparison.Ordinal) && long.TryParse(key[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var viewId))
        {
            var saved = await db.SavedViews.AsNoTracking()
                .SingleOrDefaultAsync(v => v.Id == viewId && (v.IsShared || v.AgentId == caller.AgentId), ct);
            return saved is null ? null : ListViews.ToView(saved);
        }

        return null;
    }
}
