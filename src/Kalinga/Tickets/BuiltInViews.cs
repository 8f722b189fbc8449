namespace Kalinga.Tickets;

/// <summary>The views every agent has. Each maps to one of the (status, assignee/team, updated) indexes.</summary>
public static class BuiltInViews
{
    public const string Mine = "mine";
    public const string Unassigned = "unassigned";
    public const string Open = "open";
    public const string Pending = "pending";
    public const string OnHold = "on_hold";
    public const string Solved = "solved";

    /// <summary>How far back "recently solved" looks.</summary>
    public static readonly TimeSpan RecentlySolved = TimeSpan.FromDays(7);

    public static readonly IReadOnlyList<string> Keys = [Mine, Unassigned, Open, Pending, OnHold, Solved];

    /// <summary>Everything not yet solved: the work in progress of an agent or a team.</summary>
    public const string Unsolved = "new,open,pending,on_hold";

    public static TicketView Get(string key) => key switch
    {
        Mine => new(key, TicketViewKind.BuiltIn, key, $"status={Unsolved}&assignee=me", "-updated"),
        Unassigned => new(key, TicketViewKind.BuiltIn, key, "status=new,open&assignee=none", "created"),
        Open => new(key, TicketViewKind.BuiltIn, key, "status=new,open", "-updated"),
        Pending => new(key, TicketViewKind.BuiltIn, key, "status=pending", "-updated"),
        OnHold => new(key, TicketViewKind.BuiltIn, key, "status=on_hold", "-updated"),
        Solved => new(key, TicketViewKind.BuiltIn, key, "status=solved", "-updated"),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a built-in view."),
    };

    public static TicketView ForTeam(long teamId, string name) =>
        new($"team-{teamId}", TicketViewKind.Team, name, $"status={Unsolved}&team={teamId}", "-updated");
}
