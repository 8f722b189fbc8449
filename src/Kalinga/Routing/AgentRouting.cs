using Kalinga.Channels;

namespace Kalinga.Routing;

/// <summary>
/// An agent as routing sees them: availability, how many active tickets they can hold per channel, the products
/// they know, and when they last received a ticket (the round-robin turn).
/// </summary>
public sealed class AgentRouting
{
    public const int StandardCapacity = 10;

    private AgentRouting()
    {
    }

    public AgentRouting(long agentId) => AgentId = agentId;

    public long AgentId { get; private set; }

    public AgentStatus Status { get; private set; } = AgentStatus.Offline;

    public DateTime? StatusChangedAt { get; private set; }

    /// <summary>Active tickets per channel not listed in <see cref="Capacity"/>.</summary>
    public int DefaultCapacity { get; set; } = StandardCapacity;

    public Dictionary<Channel, int> Capacity { get; set; } = [];

    public List<string> Products { get; set; } = [];

    public DateTime? LastAssignedAt { get; private set; }

    public long AssignedCount { get; private set; }

    public int CapacityFor(Channel channel) => Capacity.TryGetValue(channel, out var n) ? n : DefaultCapacity;

    /// <summary>Mirrors in memory what an assignment wrote to the row, so one routing run stays fair.</summary>
    internal void Taken(DateTime now)
    {
        LastAssignedAt = now;
        AssignedCount++;
    }

    public bool SetStatus(AgentStatus status, DateTime now)
    {
        if (status == Status)
        {
            return false;
        }

        Status = status;
        StatusChangedAt = now;
        return true;
    }
}
