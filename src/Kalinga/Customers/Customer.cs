using Kalinga.Channels;
using Kalinga.Search;
using Kalinga.Tickets;

namespace Kalinga.Customers;

/// <summary>
/// A person who contacts the company, known by one or more identities on any channel. Customer has no event
/// collection of its own: the methods that change it return the <see cref="TicketEvent"/> the caller adds to the timeline.
/// </summary>
public sealed class Customer
{
    private const int MaxSegments = 20;

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

    /// <summary>In the portal, an organization admin follows every request of their organization, not only their own.</summary>
    public bool IsOrganizationAdmin { get; set; }

    public List<string> Segments { get; set; } = [];

    public bool MarketingConsent { get; set; }

    public string? Notes { get; set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Set when this customer was merged into another; the record stays so old links resolve.</summary>
    public long? MergedIntoId { get; private set; }

    public List<CustomerIdentity> Identities { get; private set; } = [];

    public void Touch(DateTime now) => UpdatedAt = now;

    /// <summary>The name a customer gets when only an address is known: the e-mail's local part or the number.</summary>
    public static string DefaultName(IdentityKind kind, string normalizedValue) =>
        kind == IdentityKind.Email ? normalizedValue[..normalizedValue.IndexOf('@', StringComparison.Ordinal)] : normalizedValue;

    /// <summary>Segments are lower-case words so that "VIP" and "vip" are one segment for campaigns and SLAs.</summary>
    public static List<string> NormalizeSegments(IEnumerable<string> segments)
    {
        var normalized = segments.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        return normalized.Count <= MaxSegments && normalized.All(s => s.Length <= 64)
            ? normalized
            : throw new RuleException("segments", new LocalText("Loc4_Problem.Customers.Segments", MaxSegments));
    }

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

    /// <summary>The customer.created event; the customer must be saved first so the event can point at it.</summary>
    public TicketEvent RecordCreation(Actor actor)
    {
        var identities = Identities.Select(i => new { i.Kind, i.Value }).ToArray();
        return Id != 0
            ? TicketEvent.ForCustomer(Id, TicketEventTypes.CustomerCreated, actor, CreatedAt, new { Name, Language, OrganizationId, identities })
            : throw new InvalidOperationException("Save the customer before recording its creation.");
    }

    /// <summary>Applies an agent's edit as one customer.updated event listing each changed field; null when nothing changed.</summary>
    public TicketEvent? Update(CustomerEdit edit, Actor actor, DateTime now)
    {
        EnsureNotMerged();
        var changes = new Dictionary<string, object?>();
        if (edit.Name is not null)
        {
            var trimmed = edit.Name.Trim();
            Change(changes, "name", Name, trimmed.Length > 0 ? trimmed : throw new RuleException("name", new LocalText("Loc4_Problem.Customers.NameBlank")), v => Name = v);
        }

        if (edit.Language is { } language)
        {
            Change(changes, "language", Language, language, v => Language = v);
        }

        if (edit.OrganizationId is { } organization)
        {
            Change(changes, "organizationId", OrganizationId, organization == 0 ? null : organization, v => OrganizationId = v);
        }

        if (edit.PreferredChannel is { } channel)
        {
            Change<Channel?>(changes, "preferredChannel", PreferredChannel, channel, v => PreferredChannel = v);
        }

        if (edit.Vip is { } vip)
        {
            Change(changes, "vip", IsVip, vip, v => IsVip = v);
        }

        if (edit.OrganizationAdmin is { } admin)
        {
            Change(changes, "organizationAdmin", IsOrganizationAdmin, admin, v => IsOrganizationAdmin = v);
        }

        if (edit.MarketingConsent is { } consent)
        {
            Change(changes, "marketingConsent", MarketingConsent, consent, v => MarketingConsent = v);
        }

        if (edit.Notes is not null)
        {
            Change(changes, "notes", Notes, edit.Notes.Trim() is { Length: > 0 } notes ? notes : null, v => Notes = v);
        }

        if (edit.Segments is not null)
        {
            var segments = NormalizeSegments(edit.Segments);
            if (!segments.SequenceEqual(Segments))
            {
                changes["segments"] = new { from = Segments, to = segments };
                Segments = segments;
            }
        }

        if (changes.Count == 0)
        {
            return null;
        }

        UpdatedAt = now;
        return TicketEvent.ForCustomer(Id, TicketEventTypes.CustomerUpdated, actor, now, new { changes });
    }

    /// <summary>Links an address an agent entered; the caller has checked that no other customer holds it.</summary>
    public TicketEvent LinkIdentity(IdentityKind kind, string value, Actor actor, DateTime now)
    {
        EnsureNotMerged();
        var identity = AddIdentity(kind, value);
        UpdatedAt = now;
        return TicketEvent.ForCustomer(Id, TicketEventTypes.CustomerIdentityAdded, actor, now, new { identity.Kind, identity.Value, primary = identity.IsPrimary });
    }

    /// <summary>
    /// Unlinks an address. The last one stays: replies and matching of new contacts depend on it, so an address is
    /// replaced by adding the new one first. The next address of the same kind becomes primary.
    /// </summary>
    public TicketEvent UnlinkIdentity(CustomerIdentity identity, Actor actor, DateTime now)
    {
        EnsureNotMerged();
        if (Identities.Count == 1)
        {
            throw new RuleException("identityId", new LocalText("Loc4_Problem.Customers.LastIdentity"));
        }

        Identities.Remove(identity);
        if (identity.IsPrimary && Identities.Where(i => i.Kind == identity.Kind).OrderBy(i => i.Id).FirstOrDefault() is { } next)
        {
            next.MarkPrimary();
        }

        UpdatedAt = now;
        return TicketEvent.ForCustomer(Id, TicketEventTypes.CustomerIdentityRemoved, actor, now, new { identity.Kind, identity.Value });
    }

    /// <summary>
    /// Folds <paramref name="source"/> into this customer: identities move here (primary only where this customer has
    /// no address of that kind), the caller moves the tickets. Fields this customer lacks are taken from the source.
    /// </summary>
    public TicketEvent Absorb(Customer source, Actor actor, DateTime now)
    {
        if (source.Id == Id)
        {
            throw new RuleException("sourceId", new LocalText("Loc4_Problem.Customers.MergeSelf"));
        }

        if (source.MergedIntoId is not null || MergedIntoId is not null)
        {
            throw new RuleException("sourceId", new LocalText("Loc4_Problem.Customers.MergedAlready"));
        }

        foreach (var identity in source.Identities.ToList())
        {
            source.Identities.Remove(identity);
            if (Identities.Any(i => i.Kind == identity.Kind && i.IsPrimary))
            {
                identity.MarkSecondary();
            }

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

    private void EnsureNotMerged()
    {
        if (MergedIntoId is { } target)
        {
            throw new RuleException("id", new LocalText("Loc4_Problem.Customers.WasMerged", Id, target));
        }
    }

    private static void Change<T>(Dictionary<string, object?> changes, string field, T from, T to, Action<T> apply)
    {
        if (!EqualityComparer<T>.Default.Equals(from, to))
        {
            changes[field] = new { from, to };
            apply(to);
        }
    }
}
