using Kalinga.Channels;
using Kalinga.Sla;

namespace Kalinga.Tickets;

/// <summary>A set of conditions on tickets, shared by lists, views and search. Null means "any".</summary>
public sealed record TicketFilter
{
    public IReadOnlyList<TicketStatus>? Statuses { get; init; }

    public long? AssigneeId { get; init; }

    public bool Unassigned { get; init; }

    public long? TeamId { get; init; }

    public int? ReasonId { get; init; }

    public Channel? Channel { get; init; }

    public Priority? Priority { get; init; }

    public string? Language { get; init; }

    public int? TagId { get; init; }

    public long? CustomerId { get; init; }

    public long? OrganizationId { get; init; }

    public DateTime? CreatedFrom { get; init; }

    public DateTime? CreatedTo { get; init; }

    public DateTime? UpdatedFrom { get; init; }

    public DateTime? UpdatedTo { get; init; }

    /// <summary>Tickets with a running target at this risk (at risk = past 75 % of its time; breached = past due).</summary>
    public IReadOnlyList<SlaRisk>? Sla { get; init; }
}

public static class TicketFilterExtensions
{
    /// <summary>Applies every condition the filter sets; each maps to an indexed column.</summary>
    public static IQueryable<Ticket> Matching(this IQueryable<Ticket> tickets, TicketFilter f)
    {
        if (f.Statuses is { Count: > 0 } statuses)
        {
            tickets = tickets.Where(t => statuses.Contains(t.Status));
        }

        if (f.Unassigned)
        {
            tickets = tickets.Where(t => t.AssigneeId == null);
        }
        else if (f.AssigneeId is { } assignee)
        {
            tickets = tickets.Where(t => t.AssigneeId == assignee);
        }

        if (f.TeamId is { } team)
        {
            tickets = tickets.Where(t => t.TeamId == team);
        }

        if (f.ReasonId is { } reason)
        {
            tickets = tickets.Where(t => t.ReasonId == reason);
        }

        if (f.Channel is { } channel)
        {
            tickets = tickets.Where(t => t.Channel == channel);
        }

        if (f.Priority is { } priority)
        {
            tickets = tickets.Where(t => t.Priority == priority);
        }

        if (f.Language is { } language)
        {
            tickets = tickets.Where(t => t.Language == language);
        }

        if (f.TagId is { } tag)
        {
            tickets = tickets.Where(t => t.Tags.Any(x => x.TagId == tag));
        }

        if (f.CustomerId is { } customer)
        {
            tickets = tickets.Where(t => t.CustomerId == customer);
        }

        if (f.OrganizationId is { } organization)
        {
            tickets = tickets.Where(t => t.OrganizationId == organization);
        }

        if (f.CreatedFrom is { } createdFrom)
        {
            tickets = tickets.Where(t => t.CreatedAt >= createdFrom);
        }

        if (f.CreatedTo is { } createdTo)
        {
            tickets = tickets.Where(t => t.CreatedAt < createdTo);
        }

        if (f.UpdatedFrom is { } updatedFrom)
        {
            tickets = tickets.Where(t => t.UpdatedAt >= updatedFrom);
        }

        if (f.UpdatedTo is { } updatedTo)
        {
            tickets = tickets.Where(t => t.UpdatedAt < updatedTo);
        }

        if (f.Sla is { Count: > 0 } risks)
        {
            tickets = tickets.Where(t => t.SlaClocks.Any(c => c.CompletedAt == null && risks.Contains(c.Risk)));
        }

        return tickets;
    }
}
