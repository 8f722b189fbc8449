namespace Kalinga.Tickets;

/// <summary>Why a complaining customer is unhappy. The eight fixed causes are seeded by the migrations.</summary>
public sealed class DissatisfactionCause : ITaxonomyEntry<DissatisfactionCause>
{
    public static readonly IReadOnlyList<string> Fixed =
    [
        "unprofessional_service", "treated_as_number", "not_right_first_time", "poor_result",
        "concern_not_resolved", "treated_badly", "overcharged", "slow_response",
    ];

    private DissatisfactionCause()
    {
    }

    public DissatisfactionCause(string code, string name)
    {
        Code = Taxonomy.CheckCode(code);
        Name = Taxonomy.CheckName(name);
    }

    public static string ResourcePrefix => "Cause";

    public static string Noun => "dissatisfaction cause";

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public bool IsSystem { get; private set; }

    public bool IsActive { get; private set; } = true;

    public static DissatisfactionCause Custom(string code, string name) => new(code, name);

    public void Rename(string name)
    {
        Taxonomy.RefuseIfSystem(IsSystem, "name");
        Name = Taxonomy.CheckName(name);
    }

    public void SetActive(bool active)
    {
        if (!active)
        {
            Taxonomy.RefuseIfSystem(IsSystem, "active");
        }

        IsActive = active;
    }

    internal static DissatisfactionCause Seed(int id, string code) => new() { Id = id, Code = code, Name = code, IsSystem = true };
}
