namespace Kalinga.Agents;

public sealed class Team
{
    private Team()
    {
    }

    public Team(string name) => Rename(name);

    public long Id { get; private set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public List<Agent> Members { get; private set; } = [];

    public void Rename(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        Name = trimmed.Length is >= 1 and <= 200 ? trimmed : throw new RuleException("name", new LocalText("Adm3_Problem.TeamName"));
    }

    /// <summary>An empty description clears it.</summary>
    public void Describe(string? description)
    {
        var trimmed = description?.Trim() ?? "";
        Description = trimmed.Length switch
        {
            0 => null,
            <= 1000 => trimmed,
            _ => throw new RuleException("description", new LocalText("Adm3_Problem.Description")),
        };
    }

    /// <summary>Replaces the members; the caller loads <see cref="Members"/> first.</summary>
    public void SetMembers(IReadOnlyCollection<Agent> agents)
    {
        var wanted = agents.Select(a => a.Id).ToHashSet();
        var current = Members.Select(m => m.Id).ToHashSet();
        Members.RemoveAll(m => !wanted.Contains(m.Id));
        Members.AddRange(agents.Where(a => !current.Contains(a.Id)));
    }
}
