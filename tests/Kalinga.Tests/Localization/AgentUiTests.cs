using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Kalinga.Localization.Resources;

namespace Kalinga.Tests.Localization;

/// <summary>The agent workspace's own text (AgentUi.resx and its satellites), checked the same way as the shared names.</summary>
public sealed partial class AgentUiTests
{
    public static TheoryData<string> Translations => ["fil", "pl", "it"];

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_workspace_key_is_translated_and_keeps_its_placeholders(string language)
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var translated = Entries(CultureInfo.GetCultureInfo(language));

        string[] problems =
        [
            .. english.Keys.Except(translated.Keys).Order().Select(k => $"missing: {k}"),
            .. translated.Where(kv => string.IsNullOrWhiteSpace(kv.Value) && !string.IsNullOrEmpty(english.GetValueOrDefault(kv.Key))).Select(kv => $"empty: {kv.Key}").Order(),
            .. translated.Keys.Except(english.Keys).Order().Select(k => $"not in AgentUi.resx: {k}"),
            .. english.Where(kv => translated.TryGetValue(kv.Key, out var t) && !Placeholders(kv.Value).SetEquals(Placeholders(t)))
                .Select(kv => $"placeholders differ: {kv.Key}").Order(),
        ];

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_key_the_workspace_pages_ask_for_exists()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var source = Path.Combine(RepositoryRoot(), "src", "Kalinga", "Web", "Agent");
        var used = Directory.EnumerateFiles(source, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !english.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct());
    }

    private static HashSet<string> Placeholders(string? text) => [.. Placeholder().Matches(text ?? "").Select(m => m.Value)];

    private static Dictionary<string, string?> Entries(CultureInfo culture)
    {
        var set = AgentUi.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"No workspace resources for '{culture.Name}': is its satellite assembly built?");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kalinga.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the tests from inside the repository.");
    }

    // Literal keys only: T["View." + key] builds the key at run time (those keys are listed in the resources).
    [GeneratedRegex(@"\bT\[""([A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9_-])""\s*[\],]")]
    private static partial Regex UsedKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
