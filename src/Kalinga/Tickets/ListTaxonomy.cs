using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>All reasons (or causes), active or not, in the order they were added: the built-in ones first.</summary>
public sealed class ListTaxonomy<T>(KalingaDb db)
    where T : class, ITaxonomyEntry<T>
{
    public async Task<IReadOnlyList<TaxonomyEntryView>> HandleAsync(string language, CancellationToken ct)
    {
        var entries = await db.Set<T>().AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        return [.. entries.Select(e => Taxonomy.ToView(e, language))];
    }
}
