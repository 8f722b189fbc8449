using System.ComponentModel.DataAnnotations;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.CustomFields;

public sealed record CreateCustomFieldRequest(
    [Required] string Key,
    [Required] IReadOnlyDictionary<string, string?> Labels,
    CustomFieldType Type = CustomFieldType.Text,
    IReadOnlyList<CustomFieldOption>? Options = null,
    bool RequiredOnSolve = false,
    bool CustomerVisible = false,
    bool Active = true);

/// <summary>Fields left out (or null) stay as they are; labels and options replace the whole set. The key cannot change.</summary>
public sealed record UpdateCustomFieldRequest(
    IReadOnlyDictionary<string, string?>? Labels = null,
    CustomFieldType? Type = null,
    IReadOnlyList<CustomFieldOption>? Options = null,
    bool? RequiredOnSolve = null,
    bool? CustomerVisible = null,
    bool? Active = null);

/// <summary>Creates or changes a field definition; a new field goes to the end of the list.</summary>
public sealed class SaveCustomField(KalingaDb db)
{
    public async Task<CustomFieldDefinition> CreateAsync(CreateCustomFieldRequest request, CancellationToken ct)
    {
        var key = CustomFieldDefinition.CheckKey(request.Key);
        if (await db.CustomFields.AnyAsync(f => f.Key == key, ct))
        {
            throw new ConflictException("key", new LocalText("Adm3_Problem.FieldKeyTaken", key));
        }

        var last = await db.CustomFields.MaxAsync(f => (int?)f.Position, ct) ?? 0;
        var field = new CustomFieldDefinition(key, last + 1);
        field.Define(request.Labels, request.Type, request.Options);
        field.SetRules(request.RequiredOnSolve, request.CustomerVisible);
        field.SetActive(request.Active);
        db.CustomFields.Add(field);
        await db.SaveChangesAsync(ct);
        return field;
    }

    public async Task<CustomFieldDefinition?> UpdateAsync(string key, UpdateCustomFieldRequest request, CancellationToken ct)
    {
        var field = await db.CustomFields.SingleOrDefaultAsync(f => f.Key == key, ct);
        if (field is null)
        {
            return null;
        }

        var type = request.Type ?? field.Type;
        var labels = request.Labels ?? field.Labels.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        field.Define(labels, type, request.Options ?? field.Options);
        field.SetRules(request.RequiredOnSolve ?? field.RequiredOnSolve, request.CustomerVisible ?? field.CustomerVisible);
        if (request.Active is { } active)
        {
            field.SetActive(active);
        }

        await db.SaveChangesAsync(ct);
        return field;
    }
}
