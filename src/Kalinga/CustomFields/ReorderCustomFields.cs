using System.ComponentModel.DataAnnotations;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.CustomFields;

/// <summary>Every field's key once, in the new order.</summary>
public sealed record ReorderCustomFieldsRequest([Required] IReadOnlyList<string> Keys);

public sealed class ReorderCustomFields(KalingaDb db)
{
    public async Task<IReadOnlyList<CustomFieldDefinition>> HandleAsync(ReorderCustomFieldsRequest request, CancellationToken ct)
    {
        var fields = await db.CustomFields.ToListAsync(ct);
        if (request.Keys.Count != fields.Count || !request.Keys.ToHashSet().SetEquals(fields.Select(f => f.Key)))
        {
            throw new RuleException("keys", new LocalText("Adm3_Problem.ReorderFields", string.Join(", ", fields.OrderBy(f => f.Position).Select(f => f.Key))));
        }

        for (var i = 0; i < request.Keys.Count; i++)
        {
            fields.Single(f => f.Key == request.Keys[i]).MoveTo(i + 1);
        }

        await db.SaveChangesAsync(ct);
        return [.. fields.OrderBy(f => f.Position)];
    }
}
