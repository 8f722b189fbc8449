using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.CustomFields;

/// <summary>Every field definition, active or not, in the order admins gave them.</summary>
public sealed class ListCustomFields(KalingaDb db)
{
    public async Task<IReadOnlyList<CustomFieldDefinition>> HandleAsync(CancellationToken ct) =>
        await db.CustomFields.AsNoTracking().OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(ct);
}
