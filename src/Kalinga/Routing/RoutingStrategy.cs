namespace Kalinga.Routing;

/// <summary>How a team's queue hands out tickets.</summary>
public enum RoutingStrategy
{
    /// <summary>Agents pick tickets themselves; nothing is assigned automatically.</summary>
    Manual,

    /// <summary>The agent assigned least recently gets the next ticket.</summary>
    RoundRobin,

    /// <summary>The agent with the fewest active tickets on the ticket's channel gets it.</summary>
    LeastLoaded,

    /// <summary>Only agents who speak the ticket's language and know its product; among them the least loaded.</summary>
    SkillsBased,
}

public enum AgentStatus
{
    Offline,
    Away,
    Online,
}
