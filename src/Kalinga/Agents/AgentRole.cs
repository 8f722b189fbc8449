namespace Kalinga.Agents;

/// <summary>Each role can do everything the roles before it can.</summary>
public enum AgentRole
{
    Agent,
    Supervisor,
    Admin,
}
