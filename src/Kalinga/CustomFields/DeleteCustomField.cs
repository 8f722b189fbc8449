using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.CustomFields;

public enum DeleteOutcome
{
    NotFound,
    Deleted,
    Deactivated,
}

/// <summary>
/// Deletes a field no ticket has a value for. A field in use is deactivated instead, so its values stay readable on
/// the tickets (and in exports) and the key cannot be reused for something else.
/// </summary>
public sealed class DeleteCustomField(KalingaDb db)
{
    public async Task<DeleteOutcome> HandleAsync(string key, CancellationToken ct)
    {
        var field = await db.CustomFields.SingleOrDefaultAsync(f => f.Key == key, ct);
        if (field is null)
        {
            return DeleteOutcome.NotFound;
        }

        if (await InUseAsync(key, ct))
        {
            field.SetActive(false);
            await db.SaveChangesAsync(ct);
            return DeleteOutcome.Deactivated;
        }

        db.CustomFields.Remove(field);
        await db.SaveChangesAsync(ct);
        return DeleteOutcome.Deleted;
    }

    /// <summary>
    /// Tickets keep custom fields as one JSON object per row, written without spaces, so the key appears as
    /// <c>"key":</c>; '_' is a LIKE wildcard and is escaped. Both engines understand the ESCAPE clause.
    /// </summary>
    private Task<bool> InUseAsync(string key, CancellationToken ct)
    {
        var pattern = "%\"" + key.Replace("_", "\\_", StringComparison.Ordinal) + "\":%";
        return db.Tickets.FromSql($"SELECT * FROM \"Tickets\" WHERE \"CustomFields\" LIKE {pattern} ESCAPE '\\'").AnyAsync(ct);
    }
}
