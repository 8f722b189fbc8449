using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>Removes a saved view; only its owner, or an admin for a shared one, may.</summary>
public sealed class DeleteView(KalingaDb db)
{
    public async Task<bool> HandleAsync(long id, Actor caller, bool isAdmin, CancellationToken ct)
    {
        var view = await db.SavedViews.SingleOrDefaultAsync(v => v.Id == id && (v.AgentId == caller.AgentId || v.IsShared), ct);
        if (view is null)
        {
            return false;
        }

        if (view.AgentId != caller.AgentId && !isAdmin)
        {
            throw new RuleException("id", new LocalText("Loc4_Problem.Tickets.DeleteView"));
        }

        db.SavedViews.Remove(view);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
