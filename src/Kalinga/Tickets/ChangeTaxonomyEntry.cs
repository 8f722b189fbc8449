using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>
/// Renames or retires an admin's own reason (or cause). Retiring keeps it on the tickets that have it and in
/// reports; it only stops being offered for new ones. Built-in entries refuse both (see <see cref="ITaxonomyEntry{TSelf}"/>).
/// </summary>
public sealed class ChangeTaxonomyEntry<T>(KalingaDb db)
    where T : class, ITaxonomyEntry<T>
{
    public async Task<T?> HandleAsync(int id, ChangeTaxonomyEntryRequest request, CancellationToken ct)
    {
        var entry = await db.Set<T>().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return null;
        }

        if (request.Name is not null)
        {
            entry.Rename(request.Name);
        }

        if (request.Active is { } active)
        {
            entry.SetActive(active);
        }

        await db.SaveChangesAsync(ct);
        return entry;
    }
}
