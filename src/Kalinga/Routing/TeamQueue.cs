namespace Kalinga.Routing;

/// <summary>A team's routing settings. The default queue takes tickets that arrive without a team.</summary>
public sealed class TeamQueue
{
    private TeamQueue()
    {
    }

    public TeamQueue(long teamId) => TeamId = teamId;

    public long TeamId { get; private set; }

    public RoutingStrategy Strategy { get; set; } = RoutingStrategy.Manual;

    /// <summary>When a member goes offline, their new and open tickets go back to the queue for others.</summary>
    public bool ReassignWhenOffline { get; set; }

    public bool IsDefault { get; set; }

    public DateTime UpdatedAt { get; set; }
}
