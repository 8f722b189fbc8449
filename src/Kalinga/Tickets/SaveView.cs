using System.ComponentModel.DataAnnotations;
using Kalinga.Data;

namespace Kalinga.Tickets;

/// <summary>A filter to keep as a view: <c>query</c> uses the ticket list's parameters (<c>status=open&amp;tag=refund</c>).</summary>
public sealed record SaveViewRequest(
    [Required, StringLength(SavedView.MaxNameLength, MinimumLength = 1)] string Name,
    [Required, StringLength(SavedView.MaxQueryLength)] string Query,
    string Sort = "-updated",
    bool Shared = false);

public sealed class SaveView(KalingaDb db, TimeProvider clock)
{
    public async Task<TicketView> HandleAsync(SaveViewRequest request, Actor caller, CancellationToken ct)
    {
        var agentId = caller.AgentId ?? throw new RuleException("agent", new LocalText("Loc4_Problem.Tickets.ViewAgentsOnly"));
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > SavedView.MaxNameLength)
        {
            throw new RuleException("name", new LocalText("Loc4_Problem.Tickets.ViewName", SavedView.MaxNameLength));
        }

        // Parsing and resolving now refuses a filter that could never run, with the field that is wrong.
        var query = TicketQueryString.Parse(request.Query);
        await query.ToFilterAsync(db, caller, ct);
        var (sort, descending) = ResolveView.ParseSort(request.Sort);

        var view = new SavedView(agentId, request.Name, TicketQueryString.Format(query), ResolveView.FormatSort(sort, descending), request.Shared, clock.GetUtcNow().UtcDateTime);
        db.SavedViews.Add(view);
        await db.SaveChangesAsync(ct);
        return ListViews.ToView(view);
    }
}
