namespace Kalinga.Bench.Generation;

/// <summary>A row of <c>Tags</c>, in the form the app stores it.</summary>
public sealed class TagRow
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}
