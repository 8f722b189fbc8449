using System.Globalization;
using System.Text.RegularExpressions;
using Kalinga.Localization;

namespace Kalinga.CustomFields;

/// <summary>
/// A field an admin defines for tickets. Tickets store values by <see cref="Key"/>, so the key never changes;
/// a field that is no longer wanted is deactivated and its values stay on the tickets, read-only.
/// </summary>
public sealed partial class CustomFieldDefinition
{
    public const int MaxLabelLength = 200;
    public const int MaxOptions = 200;
    public const int MaxValueLength = 1000;

    private CustomFieldDefinition()
    {
    }

    public CustomFieldDefinition(string key, int position)
    {
        Key = CheckKey(key);
        Position = position;
    }

    public int Id { get; private set; }

    public string Key { get; private set; } = "";

    public CustomFieldType Type { get; private set; }

    /// <summary>The label per language code; "en" is always there.</summary>
    public Dictionary<string, string> Labels { get; private set; } = [];

    public List<CustomFieldOption> Options { get; private set; } = [];

    /// <summary>A ticket cannot be solved while this field is empty (a checkbox: unchecked).</summary>
    public bool RequiredOnSolve { get; private set; }

    /// <summary>Shown on the portal's request form, where customers fill it in.</summary>
    public bool CustomerVisible { get; private set; }

    public bool IsActive { get; private set; } = true;

    public int Position { get; private set; }

    public static string CheckKey(string? key) =>
        key is not null && KeyPattern().IsMatch(key)
            ? key
            : throw new RuleException("key", new LocalText("Adm3_Problem.FieldKey"));

    public string Label(string language) =>
        Labels.GetValueOrDefault(language) is { Length: > 0 } label ? label : Labels.GetValueOrDefault(Languages.Default, Key);

    public string OptionLabel(string value, string language) =>
        Options.FirstOrDefault(o => o.Value == value) is { } option
            ? option.Labels.GetValueOrDefault(language) is { Length: > 0 } label ? label : option.Labels.GetValueOrDefault(Languages.Default, value)
            : value;

    public void Define(IReadOnlyDictionary<string, string?> labels, CustomFieldType type, IReadOnlyList<CustomFieldOption>? options)
    {
        var checkedOptions = type == CustomFieldType.Dropdown ? CheckOptions(options) : [];
        Labels = CheckLabels(labels, "labels");
        Type = type;
        Options = checkedOptions;
    }

    public void SetRules(bool requiredOnSolve, bool customerVisible)
    {
        RequiredOnSolve = requiredOnSolve;
        CustomerVisible = customerVisible;
    }

    public void SetActive(bool active) => IsActive = active;

    public void MoveTo(int position) => Position = position;

    /// <summary>
    /// The value as tickets store it, or a <see cref="RuleException"/> naming <c>customFields.key</c>: numbers in invariant
    /// form, dates as yyyy-MM-dd, checkboxes as "true"/"false", dropdowns as one of the option values. Null means "empty".
    /// </summary>
    public string? Normalize(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var field = $"customFields.{Key}";
        if (trimmed.Length > MaxValueLength)
        {
            throw new RuleException(field, new LocalText("Adm3_Problem.FieldValueLength", MaxValueLength));
        }

        return Type switch
        {
            CustomFieldType.Text => trimmed.ReplaceLineEndings(" "),
            CustomFieldType.MultilineText => trimmed,
            CustomFieldType.Number => decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                ? n.ToString(CultureInfo.InvariantCulture)
                : throw new RuleException(field, new LocalText("Adm3_Problem.FieldNumber", Label(Languages.Default))),
            CustomFieldType.Date => DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : throw new RuleException(field, new LocalText("Adm3_Problem.FieldDate", Label(Languages.Default))),
            CustomFieldType.Dropdown => Options.Any(o => o.Value == trimmed)
                ? trimmed
                : throw new RuleException(field, new LocalText("Adm3_Problem.FieldChoice", trimmed, Label(Languages.Default), string.Join(", ", Options.Select(o => o.Value)))),
            CustomFieldType.Checkbox => bool.TryParse(trimmed, out var b)
                ? b ? "true" : "false"
                : throw new RuleException(field, new LocalText("Adm3_Problem.FieldBool", Label(Languages.Default))),
            _ => throw new InvalidOperationException($"Unknown field type {Type}."),
        };
    }

    /// <summary>Whether a ticket holding <paramref name="value"/> counts as having this field filled in.</summary>
    public bool IsFilled(string? value) =>
        Type == CustomFieldType.Checkbox ? value == "true" : !string.IsNullOrWhiteSpace(value);

    private static Dictionary<string, string> CheckLabels(IReadOnlyDictionary<string, string?>? labels, string field)
    {
        var result = new Dictionary<string, string>();
        foreach (var (language, label) in labels ?? new Dictionary<string, string?>())
        {
            var code = Languages.IsSupported(language)
                ? language
                : throw new RuleException($"{field}.{language}", new LocalText("Adm3_Problem.LabelLanguages", string.Join(", ", Languages.Supported)));
            var text = label?.Trim() ?? "";
            if (text.Length > MaxLabelLength)
            {
                throw new RuleException($"{field}.{language}", new LocalText("Adm3_Problem.LabelLength", MaxLabelLength));
            }

            if (text.Length > 0)
            {
                result[code] = text;
            }
        }

        return result.ContainsKey(Languages.Default)
            ? result
            : throw new RuleException($"{field}.{Languages.Default}", new LocalText("Adm3_Problem.EnglishLabel"));
    }

    private static List<CustomFieldOption> CheckOptions(IReadOnlyList<CustomFieldOption>? options)
    {
        if (options is not { Count: > 0 and <= MaxOptions })
        {
            throw new RuleException("options", new LocalText("Adm3_Problem.DropdownOptions", MaxOptions));
        }

        var result = new List<CustomFieldOption>();
        for (var i = 0; i < options.Count; i++)
        {
            var value = options[i].Value?.Trim() ?? "";
            if (value.Length is 0 or > 100)
            {
                throw new RuleException($"options[{i}].value", new LocalText("Adm3_Problem.OptionValue"));
            }

            if (result.Any(o => o.Value == value))
            {
                throw new RuleException($"options[{i}].value", new LocalText("Adm3_Problem.OptionTwice", value));
            }

            var labels = options[i].Labels?.ToDictionary(kv => kv.Key, kv => (string?)kv.Value)
                ?? new Dictionary<string, string?> { [Languages.Default] = value };
            result.Add(new CustomFieldOption(value, CheckLabels(labels, $"options[{i}].labels")));
        }

        return result;
    }

    [GeneratedRegex("^[a-z0-9_]{1,64}$")]
    private static partial Regex KeyPattern();
}
