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

    private List<string> domains = [];

    /// <summary>
    /// E-mail domains whose senders belong to this organization (for example <c>acme.test</c>). Setting them keeps
    /// <see cref="DomainEntries"/> in step; when changing an organization read from the database, load those with it.
    /// </summary>
    public List<string> Domains
    {
        get => domains;
        set
        {
            domains = value;
            DomainEntries.RemoveAll(e => !value.Contains(e.Domain));
            DomainEntries.AddRange(value.Where(d => !DomainEntries.Exists(e => e.Domain == d)).Select(d => new OrganizationDomain(d)));
        }
    }

    /// <summary>The domains as rows keyed by the domain: how a new customer's organization is found.</summary>
    public List<OrganizationDomain> DomainEntries { get; private set; } = [];

    public string? Notes { get; set; }

    public DateTime CreatedAt { get; private set; }
}
