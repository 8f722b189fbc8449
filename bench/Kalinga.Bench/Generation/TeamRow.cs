namespace Kalinga.Bench.Generation;

/// <summary>A row of <c>Teams</c>, in the form the app stores it.</summary>
public sealed class TeamRow
{
    public long Id { get; set; }

    public string Name { get; set; } = "";
}
