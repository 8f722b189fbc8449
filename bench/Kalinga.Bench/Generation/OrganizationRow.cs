namespace Kalinga.Bench.Generation;

/// <summary>A row of <c>Organizations</c>, in the form the app stores it.</summary>
public sealed class OrganizationRow
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string NameKey { get; set; } = "";

    public string[] Domains { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
