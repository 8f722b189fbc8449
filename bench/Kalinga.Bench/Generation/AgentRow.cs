namespace Kalinga.Bench.Generation;

/// <summary>A row of <c>Agents</c>; its teams become <c>TeamMembers</c> rows.</summary>
public sealed class AgentRow
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Role { get; set; } = "";

    public string[] Languages { get; set; } = [];

    public string UiLanguage { get; set; } = "en";

    public long[] TeamIds { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
