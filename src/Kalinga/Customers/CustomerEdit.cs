using Kalinga.Channels;

namespace Kalinga.Customers;

/// <summary>
/// An edit of a customer's own fields; null leaves a field as it is. <see cref="OrganizationId"/> 0 removes the
/// customer from its organization and empty <see cref="Notes"/> clear them. The language is already a supported code.
/// </summary>
public sealed record CustomerEdit(
    string? Name = null,
    string? Language = null,
    long? OrganizationId = null,
    Channel? PreferredChannel = null,
    bool? Vip = null,
    IReadOnlyList<string>? Segments = null,
    bool? MarketingConsent = null,
    string? Notes = null,
    bool? OrganizationAdmin = null);
