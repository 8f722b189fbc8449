using System.ComponentModel.DataAnnotations;
using Kalinga.CustomFields;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>
/// One change to many tickets: assign (<c>assign</c> true with agent/team, null clears), set a status, add or remove tags.
/// A field left out stays as it is on every ticket.
/// </summary>
public sealed record BulkEditRequest(
    [Required, MinLength(1), MaxLength(BulkEditTickets.MaxTickets)] IReadOnlyList<long> Numbers,
    bool Assign = false,
    long? AssigneeId = null,
    long? TeamId = null,
    TicketStatus? Status = null,
    IReadOnlyList<string>? AddTags = null,
    IReadOnlyList<string>? RemoveTags = null);

/// <summary>What happened to each ticket: <c>error</c> is null when the change was made.</summary>
public sealed record BulkOutcome(long Number, string? Error);

/// <summary>
/// Applies one change to up to <see cref="MaxTickets"/> tickets through the same entity methods as a single edit, so every
/// ticket gets its own timeline events. Tickets that refuse the change (a closed one cannot be reopened) are reported
/// and the others are still changed.
/// </summary>
public sealed class BulkEditTickets(KalingaDb db, TicketFields fields, TimeProvider clock)
{
    public const int MaxTickets = 200;

    public async Task<IReadOnlyList<BulkOutcome>> HandleAsync(BulkEditRequest request, Actor actor, CancellationToken ct)
    {
        var numbers = request.Numbers.Distinct().ToList();
        if (numbers.Count is 0 or > MaxTickets)
        {
            throw new RuleException("numbers", new LocalText("Loc4_Problem.Tickets.ChooseTickets", MaxTickets));
        }

        if (request.Assign)
        {
            await fields.CheckAssignmentAsync(request.AssigneeId, request.TeamId, ct);
        }

        var add = request.AddTags is { Count: > 0 } ? await fields.TagsAsync(request.AddTags, ct) : [];
        var remove = (request.RemoveTags ?? []).Select(Tag.Normalize).ToHashSet();
        var required = request.Status == TicketStatus.Solved ? await fields.RequiredOnSolveAsync(ct) : [];
        var tickets = await db.Tickets.Include(t => t.Tags).ThenInclude(t => t.Tag)
            .Where(t => numbers.Contains(t.Number)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var outcomes = new List<BulkOutcome>(numbers.Count);
        foreach (var number in numbers)
        {
            var ticket = tickets.SingleOrDefault(t => t.Number == number);
            if (ticket is null)
            {
                outcomes.Add(new BulkOutcome(number, new LocalText("Loc4_Problem.Tickets.NoTicket", number).Localized()));
                continue;
            }

            try
            {
                Apply(ticket, request, add, remove, required, actor, now);
                outcomes.Add(new BulkOutcome(number, null));
            }
            catch (RuleException e)
            {
                outcomes.Add(new BulkOutcome(number, e.Localized()));
            }
        }

        await db.SaveChangesAsync(ct);
        return outcomes;
    }

    private static void Apply(
        Ticket ticket, BulkEditRequest request, List<Tag> add, HashSet<string> remove, IReadOnlyList<CustomFieldDefinition> required, Actor actor, DateTime now)
    {
        // Check the status first so a refused ticket is left wholly unchanged.
        if (request.Status is { } status && ticket.Status == TicketStatus.Closed && status != TicketStatus.Closed)
        {
            throw new RuleException("status", new LocalText("Loc4_Problem.Tickets.ClosedStatus"));
        }

        if (request.Status == TicketStatus.Solved && ticket.Status != TicketStatus.Solved)
        {
            TicketFields.CheckSolvable(ticket, required);
        }

        if (request.Assign)
        {
            ticket.Assign(request.AssigneeId, request.TeamId ?? ticket.TeamId, actor, now);
        }

        if (add.Count > 0 || remove.Count > 0)
        {
            var tags = ticket.Tags.Select(t => t.Tag).Where(t => !remove.Contains(t.Name)).ToList();
            tags.AddRange(add.Where(a => tags.All(t => t.Name != a.Name)));
            ticket.SetTags(tags, actor, now);
        }

        if (request.Status is { } to)
        {
            ticket.ChangeStatus(to, actor, now);
        }
    }
}
