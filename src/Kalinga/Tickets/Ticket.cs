using Kalinga.Channels;
using Kalinga.Sla;

namespace Kalinga.Tickets;

/// <summary>
/// One case. Every method that changes state also appends the <see cref="TicketEvent"/> that records it,
/// so no caller can change a ticket without the change showing on its timeline.
/// </summary>
public sealed partial class Ticket
{
    private Ticket()
    {
    }

    public long Id { get; private set; }

    public long Number { get; private set; }

    public string Subject { get; private set; } = "";

    public int ReasonId { get; private set; }

    public TicketStatus Status { get; private set; }

    public Priority Priority { get; private set; }

    public Channel Channel { get; private set; }

    public long CustomerId { get; private set; }

    public long? OrganizationId { get; private set; }

    public long? AssigneeId { get; private set; }

    public long? TeamId { get; private set; }

    public string Language { get; private set; } = "en";

    public Dictionary<string, string> CustomFields { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When the status last changed; time-based rules ("pending for 3 days") count from it.</summary>
    public DateTime StatusChangedAt { get; private set; }

    public DateTime? FirstResponseAt { get; private set; }

    public DateTime? SolvedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public long? MergedIntoId { get; private set; }

    /// <summary>Bumped on every change; EF uses it to refuse a write based on a stale read.</summary>
    public int Version { get; private set; }

    public List<Message> Messages { get; private set; } = [];

    public List<TicketEvent> Events { get; private set; } = [];

    public List<TicketTag> Tags { get; private set; } = [];

    public List<TicketCause> Causes { get; private set; } = [];

    public List<TicketLink> Links { get; private set; } = [];

    /// <summary>The ticket's SLA targets, kept by the SLA handler; read-only here.</summary>
    public List<SlaClock> SlaClocks { get; private set; } = [];

    public bool IsOpenForWork => Status is not (TicketStatus.Solved or TicketStatus.Closed);

    public static Ticket Open(
        long number,
        string subject,
        int reasonId,
        Channel channel,
        long customerId,
        long? organizationId,
        string language,
        Priority priority,
        Actor actor,
        DateTime now,
        bool automated = false)
    {
        var ticket = new Ticket
        {
            Number = number,
            Subject = subject.Trim(),
            ReasonId = reasonId,
            Status = TicketStatus.New,
            Priority = priority,
            Channel = channel,
            CustomerId = customerId,
            OrganizationId = organizationId,
            Language = language,
            CreatedAt = now,
            UpdatedAt = now,
            StatusChangedAt = now,
        };
        TicketEvent.For(ticket, TicketEventTypes.Created, actor, now,
            automated ? new { ticket.Number, channel, priority, reasonId, automated } : new { ticket.Number, channel, priority, reasonId });
        return ticket;
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}
