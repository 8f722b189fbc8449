namespace Kalinga.Customers;

public sealed record OrganizationSummary(long Id, string Name, IReadOnlyList<string> Domains);

/// <summary>An organization with the number of (unmerged) customers who belong to it.</summary>
public sealed record OrganizationDetails(long Id, string Name, IReadOnlyList<string> Domains, string? Notes, int CustomerCount, DateTime CreatedAt);

public sealed record OrganizationPage(IReadOnlyList<OrganizationSummary> Items, string? NextCursor);
