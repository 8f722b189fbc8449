using Kalinga.Search;

namespace Kalinga.Customers;

public sealed class Organization
{
    private string name = "";

    private Organization()
    {
    }

    public Organization(string name, DateTime now)
    {
        Name = name;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public string Name
    {
        get => name;
        set
        {
            name = value.Trim();
            NameKey = TextFolding.Fold(name);
        }
    }

    /// <summary>The name folded (lower case, no accents) for prefix search and ordering.</summary>
    public string NameKey { get; private set; } = "";

    /// <summary>E-mail domains whose senders belong to this organization (for example <c>acme.test</c>).</summary>
    public List<string> Domains { get; set; } = [];

    public string? Notes { get; set; }

    public DateTime CreatedAt { get; private set; }
}
