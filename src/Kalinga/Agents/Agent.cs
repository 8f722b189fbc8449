namespace Kalinga.Agents;

/// <summary>A person who works tickets: an agent, a supervisor or an admin.</summary>
public sealed class Agent
{
    private Agent()
    {
    }

    public Agent(string name, string email, AgentRole role, DateTime now)
    {
        Name = name.Trim();
        Email = email.Trim().ToLowerInvariant();
        Role = role;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public AgentRole Role { get; set; }

    /// <summary>The languages this agent answers in (en, fil, pl, it); routing uses them.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>The agent's own UI language.</summary>
    public string UiLanguage { get; set; } = "en";

    public bool IsActive { get; set; } = true;

    public string? PasswordHash { get; set; }

    public int FailedSignIns { get; set; }

    public DateTime? LockedUntil { get; set; }

    public DateTime CreatedAt { get; private set; }

    public List<Team> Teams { get; private set; } = [];
}
