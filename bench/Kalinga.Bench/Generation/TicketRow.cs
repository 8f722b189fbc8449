namespace Kalinga.Bench.Generation;

/// <summary>A row of <c>Tickets</c>, in the form the app stores it.</summary>
public sealed class TicketRow
{
    public long Id { get; set; }

    public long Number { get; set; }

    public string Subject { get; set; } = "";

    public int ReasonId { get; set; }

    public string Status { get; set; } = "";

    public int Priority { get; set; }

    public string Channel { get; set; } = "";

    public long CustomerId { get; set; }

    public long? OrganizationId { get; set; }

    public long? AssigneeId { get; set; }

    public long? TeamId { get; set; }

    public string Language { get; set; } = "en";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? FirstResponseAt { get; set; }

    public DateTime? SolvedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public int Version { get; set; }
}
