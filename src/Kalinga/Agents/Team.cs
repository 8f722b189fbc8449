namespace Kalinga.Agents;

public sealed class Team
{
    private Team()
    {
    }

    public Team(string name) => Name = name.Trim();

    public long Id { get; private set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public List<Agent> Members { get; private set; } = [];
}
