using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>Adds an admin's own reason (or cause); it is active at once and usable on tickets by its code.</summary>
public sealed class AddTaxonomyEntry<T>(KalingaDb db)
    where T : class, ITaxonomyEntry<T>
{
    public async Task<T> HandleAsync(AddTaxonomyEntryRequest request, CancellationToken ct)
    {
        var entry = T.Custom(request.Code, request.Name);
        if (await db.Set<T>().AnyAsync(e => e.Code == entry.Code, ct))
        {
            throw new ConflictException("code", new LocalText("Adm3_Problem.EntryTaken", entry.Code));
        }

        db.Set<T>().Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }
}
