namespace Kalinga.CustomFields;

/// <summary>
/// A field definition as clients see it: <see cref="Label"/> in the asked language (falling back to English),
/// <see cref="Labels"/> as stored, and the options with their own labels.
/// </summary>
public sealed record CustomFieldView(
    int Id,
    string Key,
    CustomFieldType Type,
    string Label,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<CustomFieldOptionView> Options,
    bool RequiredOnSolve,
    bool CustomerVisible,
    bool Active,
    int Position)
{
    public static CustomFieldView Of(CustomFieldDefinition d, string language) => new(
        d.Id, d.Key, d.Type, d.Label(language), d.Labels,
        [.. d.Options.Select(o => new CustomFieldOptionView(o.Value, d.OptionLabel(o.Value, language), o.Labels))],
        d.RequiredOnSolve, d.CustomerVisible, d.IsActive, d.Position);
}

public sealed record CustomFieldOptionView(string Value, string Label, IReadOnlyDictionary<string, string> Labels);
