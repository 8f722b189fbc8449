namespace Kalinga.Agents;

/// <summary>What became of a change to an agent that only an admin or the agent themself may make.</summary>
public enum EditOutcome
{
    Done,
    NotFound,
    Forbidden,
}
