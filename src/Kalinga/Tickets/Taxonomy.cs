using System.Text.RegularExpressions;
using Kalinga.Localization;

namespace Kalinga.Tickets;

/// <summary>The rules and the view shared by every <see cref="ITaxonomyEntry{TSelf}"/>.</summary>
public static partial class Taxonomy
{
    public static string CheckCode(string? code) =>
        code is not null && CodePattern().IsMatch(code)
            ? code
            : throw new RuleException("code", "A code is 1–64 characters of a–z, 0–9 and '_', starting with a letter (snake_case).");

    public static string CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length is >= 1 and <= 200 ? trimmed : throw new RuleException("name", "A name has 1 to 200 characters.");
    }

    /// <summary>Refuses a change to a built-in entry, naming the <paramref name="field"/> that asked for it.</summary>
    public static void RefuseIfSystem(bool isSystem, string noun, string field)
    {
        if (isSystem)
        {
            throw new RuleException(field, $"This {noun} is built in: Kalinga names it in every language and keeps it active. Add a new one instead.");
        }
    }

    public static TaxonomyEntryView ToView<T>(T entry, string language)
        where T : class, ITaxonomyEntry<T> =>
        new(entry.Id, entry.Code, NameOf(entry, language), entry.IsSystem, entry.IsActive);

    /// <summary>A built-in entry's stored name is only its code; its real name is in the resources of each language.</summary>
    public static string NameOf<T>(T entry, string language)
        where T : class, ITaxonomyEntry<T> =>
        entry.IsSystem ? Localized.Text($"{T.ResourcePrefix}.{entry.Code}", language) : entry.Name;

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex CodePattern();
}
