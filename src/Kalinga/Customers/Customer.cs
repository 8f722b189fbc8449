using Kalinga.Channels;
using Kalinga.Search;
using Kalinga.Tickets;

namespace Kalinga.Customers;

/// <summary>A person who contacts the company, known by one or more identities on any channel.</summary>
public sealed class Customer
{
    private string name = "";

    private Customer()
    {
    }

    public Customer(string name, string language, DateTime now)
    {
        Name = name;
        Language = language;
        CreatedAt = now;
        UpdatedAt = now;
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

    /// <summary>The name folded (lower case, no accents) for prefix search and ordering: "Łucja" is found by "lu".</summary>
    public string NameKey { get; private set; } = "";

    public long? OrganizationId { get; set; }

    public string Language { get; set; } = "en";

    public Channel? PreferredChannel { get; set; }

    public bool IsVip { get; set; }

    public List<string> Segments { get; set; } = [];

    public bool MarketingConsent { get; set; }

    public string? Notes { get; set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Set when this customer was merged into another; the record stays so old links resolve.</summary>
    public long? MergedIntoId { get; private set; }

    public List<CustomerIdentity> Identities { get; private set; } = [];

    public void Touch(DateTime now) => UpdatedAt = now;

    public CustomerIdentity AddIdentity(IdentityKind kind, string value)
    {
        var normalized = CustomerIdentity.Normalize(kind, value);
        var existing = Identities.FirstOrDefault(i => i.Kind == kind && i.Value == normalized);
        if (existing is not null)
        {
            return existing;
        }

        var identity = new CustomerIdentity(kind, normalized, isPrimary: !Identities.Any(i => i.Kind == kind));
        Identities.Add(identity);
        return identity;
    }

    /// <summary>
    /// Folds <paramref name="source"/> into this customer: identities move here, the caller moves the tickets.
    /// Fields this customer lacks are taken from the source.
    /// </summary>
    public TicketEvent Absorb(Customer source, Actor actor, DateTime now)
    {
        if (source.Id == Id)
        {
            throw new RuleException("source", "A customer cannot be merged into itself.");
        }

        if (source.MergedIntoId is not null || MergedIntoId is not null)
        {
            throw new RuleException("source", "A merged customer cannot be merged again.");
        }

        foreach (var identity in source.Identities.ToList())
        {
            source.Identities.Remove(identity);
            identity.MarkSecondary();
            Identities.Add(identity);
        }

        OrganizationId ??= source.OrganizationId;
        PreferredChannel ??= source.PreferredChannel;
        IsVip |= source.IsVip;
        Segments = [.. Segments.Union(source.Segments)];
        source.MergedIntoId = Id;
        source.UpdatedAt = now;
        UpdatedAt = now;
        return TicketEvent.ForCustomer(Id, TicketEventTypes.CustomerMerged, actor, now, new { source = source.Id, target = Id });
    }
}
