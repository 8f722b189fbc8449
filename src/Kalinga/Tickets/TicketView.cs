namespace Kalinga.Tickets;

/// <summary>Which kind of list a view is: one every agent has, a team's queue, or one an agent saved.</summary>
public enum TicketViewKind
{
    BuiltIn,
    Team,
    Saved,
}

/// <summary>
/// A named ticket list. <see cref="Key"/> addresses it in URLs and the API: a built-in word (<c>mine</c>,
/// <c>unassigned</c>, <c>open</c>, <c>pending</c>, <c>on_hold</c>, <c>solved</c>), <c>team-3</c> or <c>saved-12</c>.
/// </summary>
public sealed record TicketView(string Key, TicketViewKind Kind, string Name, string Query, string Sort, bool IsShared = false, long? OwnerId = null);

public sealed record ViewCount(string Key, int Count, bool IsCapped);
