namespace Kalinga.Bench.Generation;

/// <summary>A row of <c>Customers</c>; its e-mail and phone become <c>CustomerIdentities</c> rows.</summary>
public sealed class CustomerRow
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string NameKey { get; set; } = "";

    public long? OrganizationId { get; set; }

    public string Language { get; set; } = "en";

    public bool IsVip { get; set; }

    public string Email { get; set; } = "";

    public string? Phone { get; set; }

    public DateTime CreatedAt { get; set; }
}
