using System.ComponentModel.DataAnnotations;
using Kalinga.Data;

namespace Kalinga.Tickets;

public sealed record MergeManyRequest([Required, MinLength(1), MaxLength(50)] IReadOnlyList<long> Numbers, long Into);

/// <summary>Merges several duplicates into the ticket that stays, one at a time, reporting each.</summary>
public sealed class MergeMany(KalingaDb db, MergeTickets merge)
{
    public async Task<IReadOnlyList<BulkOutcome>> HandleAsync(MergeManyRequest request, Actor actor, CancellationToken ct)
    {
        var sources = request.Numbers.Distinct().Where(n => n != request.Into).ToList();
        if (sources.Count is 0 or > 50)
        {
            throw new RuleException("numbers", new LocalText("Loc4_Problem.Tickets.ChooseToMerge", 50));
        }

        var outcomes = new List<BulkOutcome>(sources.Count);
        foreach (var number in sources)
        {
            try
            {
                var target = await merge.HandleAsync(number, new MergeRequest(request.Into), actor, ct);
                outcomes.Add(new BulkOutcome(number, target is null ? new LocalText("Loc4_Problem.Tickets.NoTicket", number).Localized() : null));
            }
            catch (RuleException e)
            {
                db.ChangeTracker.Clear();
                outcomes.Add(new BulkOutcome(number, e.Localized()));
            }
        }

        return outcomes;
    }
}
