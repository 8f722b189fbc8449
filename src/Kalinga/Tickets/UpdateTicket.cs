using System.ComponentModel.DataAnnotations;
using Kalinga.Data;
using Kalinga.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>Fields to change; a field left out (or null) stays as it is. Tags and causes replace the whole set.</summary>
public sealed record UpdateTicketRequest(
    [StringLength(500, MinimumLength = 1)] string? Subject = null,
    TicketStatus? Status = null,
    Priority? Priority = null,
    string? Reason = null,
    string? Language = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Causes = null,
    IReadOnlyDictionary<string, string?>? CustomFields = null,
    int? Version = null);

public sealed class UpdateTicket(KalingaDb db, TicketFields fields, TimeProvider clock)
{
    public async Task<bool> HandleAsync(long number, UpdateTicketRequest request, Actor actor, CancellationToken ct)
    {
        var ticket = await db.Tickets.Include(t => t.Tags).ThenInclude(t => t.Tag).Include(t => t.Causes)
            .SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null)
        {
            return false;
        }

        if (request.Version is { } version && version != ticket.Version)
        {
            throw new DbUpdateConcurrencyException($"Ticket {number} is at version {ticket.Version}, not {version}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Subject is not null)
        {
            ticket.Rename(request.Subject, actor, now);
        }

        if (request.Priority is { } priority)
        {
            ticket.Prioritize(priority, actor, now);
        }

        if (request.Language is not null)
        {
            ticket.SetLanguage(Languages.Normalize(request.Language)
                ?? throw new RuleException("language", new LocalText("Adm3_Problem.UseOneOf", string.Join(", ", Languages.Supported))), actor, now);
        }

        var reason = request.Reason is null
            ? await db.ContactReasons.SingleAsync(r => r.Id == ticket.ReasonId, ct)
            : await fields.ReasonAsync(request.Reason, ct);
        ticket.Classify(reason.Id, actor, now);

        if (request.Causes is not null)
        {
            ticket.SetCauses(await fields.CausesAsync(request.Causes, ct), reason.IsComplaint, actor, now);
        }
        else if (!reason.IsComplaint && ticket.Causes.Count > 0)
        {
            ticket.SetCauses([], isComplaint: false, actor, now);
        }

        if (request.Tags is not null)
        {
            ticket.SetTags(await fields.TagsAsync(request.Tags, ct), actor, now);
        }

        if (request.CustomFields is not null)
        {
            ticket.SetCustomFields(await fields.CustomFieldsAsync(request.CustomFields, ticket.CustomFields, ct), actor, now);
        }

        if (request.Status is { } status)
        {
            if (status == TicketStatus.Solved && ticket.Status != TicketStatus.Solved)
            {
                TicketFields.CheckSolvable(ticket, await fields.RequiredOnSolveAsync(ct));
            }

            ticket.ChangeStatus(status, actor, now);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
