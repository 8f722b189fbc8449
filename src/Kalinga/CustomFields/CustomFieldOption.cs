namespace Kalinga.CustomFields;

/// <summary>
/// One choice of a dropdown field. <see cref="Value"/> is what tickets store and never changes with the wording;
/// <see cref="Labels"/> names it per language (en required, the others fall back to English).
/// </summary>
public sealed record CustomFieldOption(string Value, Dictionary<string, string> Labels);
