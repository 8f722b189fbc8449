namespace Kalinga.Customers;

public sealed class Organization
{
    private Organization()
    {
    }

    public Organization(string name, DateTime now)
    {
        Name = name.Trim();
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public string Name { get; set; } = "";

    /// <summary>E-mail domains whose senders belong to this organization (for example <c>acme.test</c>).</summary>
    public List<string> Domains { get; set; } = [];

    public string? Notes { get; set; }

    public DateTime CreatedAt { get; private set; }
}
