using System.Text.RegularExpressions;
using Kalinga.Localization;

namespace Kalinga.Tickets;

/// <summary>The rules and the view shared by every <see cref="ITaxonomyEntry{TSelf}"/>.</summary>
public static partial class Taxonomy
{
    public static string CheckCode(string? code) =>
        code is not null && CodePattern().IsMatch(code)
            ? code
            : throw new RuleException("code", new LocalText("Adm3_Problem.Code"));

    public static string CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length is >= 1 and <= 200 ? trimmed : throw new RuleException("name", new LocalText("Adm3_Problem.Name200"));
    }

    /// <summary>Refuses a change to a built-in entry, naming the <paramref name="field"/> that asked for it.</summary>
    public static void RefuseIfSystem(bool isSystem, string field)
    {
        if (isSystem)
        {
            throw new RuleException(field, new LocalText("Adm3_Problem.BuiltIn"));
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
