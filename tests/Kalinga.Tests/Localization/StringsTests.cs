using System.Collections;
using System.Globalization;
using Kalinga.Channels;
using Kalinga.Localization;
using Kalinga.Localization.Resources;
using Kalinga.Tickets;

namespace Kalinga.Tests.Localization;

/// <summary>Reads the compiled resources, so these tests also prove the fil, pl and it satellite assemblies were built.</summary>
public sealed class StringsTests
{
    public static TheoryData<string> Translations => ["fil", "pl", "it"];

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_English_key_is_translated_and_nothing_else(string language)
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var translated = Entries(CultureInfo.GetCultureInfo(language));

        string[] problems =
        [
            .. english.Keys.Except(translated.Keys).Order().Select(k => $"missing: {k}"),
            .. translated.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"empty: {kv.Key}").Order(),
            .. translated.Keys.Except(english.Keys).Order().Select(k => $"not in Strings.resx: {k}"),
            .. english.Keys.Intersect(translated.Keys).Where(k => !Placeholders(english[k]).SetEquals(Placeholders(translated[k]))).Order().Select(k => $"placeholders differ: {k}"),
        ];

        Assert.Empty(problems);
    }

    /// <summary>The portal's texts (pages and e-mails) live in Portal.resx; the same rule, and the same {0} placeholders in every language.</summary>
    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_portal_text_is_translated_with_the_same_placeholders(string language)
    {
        var english = Entries(Kalinga.Localization.Resources.Portal.ResourceManager, CultureInfo.InvariantCulture);
        var translated = Entries(Kalinga.Localization.Resources.Portal.ResourceManager, CultureInfo.GetCultureInfo(language));

        string[] problems =
        [
            .. english.Keys.Except(translated.Keys).Order().Select(k => $"missing: {k}"),
            .. translated.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"empty: {kv.Key}").Order(),
            .. translated.Keys.Except(english.Keys).Order().Select(k => $"not in Portal.resx: {k}"),
            .. english.Keys.Intersect(translated.Keys).Where(k => !Placeholders(english[k]).SetEquals(Placeholders(translated[k]))).Order().Select(k => $"placeholders differ: {k}"),
        ];

        Assert.NotEmpty(english);
        Assert.Empty(problems);
    }

    [Fact]
    public void English_has_a_non_empty_text_for_every_key()
    {
        var english = Entries(CultureInfo.InvariantCulture);

        Assert.NotEmpty(english);
        Assert.Empty(english.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
    }

    [Fact]
    public void Every_fixed_reason_cause_status_priority_and_channel_has_a_name()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        string[] keys =
        [
            .. ContactReason.Fixed.Select(c => $"Reason.{c}"),
            .. DissatisfactionCause.Fixed.Select(c => $"Cause.{c}"),
            .. Enum.GetValues<TicketStatus>().Select(s => $"Status.{Localized.Code(s)}"),
            .. Enum.GetValues<Priority>().Select(p => $"Priority.{Localized.Code(p)}"),
            .. Enum.GetValues<Channel>().Select(c => $"Channel.{Localized.Code(c)}"),
        ];

        Assert.All(keys, k => Assert.True(english.ContainsKey(k), $"Strings.resx has no '{k}'."));
    }

    [Fact]
    public void Names_are_looked_up_by_language_code_and_fall_back_to_English()
    {
        Assert.Equal("Reklamacja lub skarga", Localized.Reason("complaint", "pl-PL"));
        Assert.Equal("Reklamo", Localized.Reason("complaint", "tl"));
        Assert.Equal("In sospeso", Localized.Status(TicketStatus.OnHold, "it"));
        Assert.Equal("Charged more than agreed", Localized.Cause("overcharged", "de"));
        Assert.Equal("Telepono", Localized.Channel(Channel.Phone, "fil"));
        Assert.Equal("Pilny", Localized.Priority(Priority.Urgent, "pl"));
    }

    private static HashSet<string> Placeholders(string? text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text ?? "", @"\{\d+(?::[^}]*)?\}").Select(m => m.Value)];

    private static Dictionary<string, string?> Entries(CultureInfo culture) => Entries(Strings.ResourceManager, culture);

    /// <summary>One culture's own entries only (no fallback to the parent), so a missing key shows as missing.</summary>
    private static Dictionary<string, string?> Entries(System.Resources.ResourceManager resources, CultureInfo culture)
    {
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"No resources for '{culture.Name}': is its satellite assembly built?");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string);
    }
}
