using System.Text.Json;
using Kalinga.Channels;
using Kalinga.Tickets;

namespace Kalinga.Customers;

public sealed record OrganizationRef(long Id, string Name);

public sealed record IdentityView(long Id, IdentityKind Kind, string Value, bool Primary);

/// <summary>A customer with every identity; <c>mergedIntoId</c> is set on a customer that was merged into another.</summary>
public sealed record CustomerDetails(
    long Id,
    string Name,
    string Language,
    OrganizationRef? Organization,
    Channel? PreferredChannel,
    bool Vip,
    IReadOnlyList<string> Segments,
    bool MarketingConsent,
    string? Notes,
    IReadOnlyList<IdentityView> Identities,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long? MergedIntoId,
    bool OrganizationAdmin);

/// <summary>A row of a customer list, with the primary e-mail and phone an agent recognizes a customer by.</summary>
public sealed record CustomerSummary(
    long Id,
    string Name,
    string Language,
    OrganizationRef? Organization,
    bool Vip,
    string? Email,
    string? Phone,
    DateTime UpdatedAt);

public sealed record CustomerPage(IReadOnlyList<CustomerSummary> Items, string? NextCursor);

/// <summary>One event on a customer's timeline; <c>ticketNumber</c> is null for changes to the customer itself.</summary>
public sealed record TimelineEntry(long Id, string Type, long? TicketNumber, PartyView Actor, JsonElement Data, DateTime CreatedAt);

public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Items, string? NextCursor);
