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
        ];

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

    /// <summary>One culture's own entries only (no fallback to the parent), so a missing key shows as missing.</summary>
    private static Dictionary<string, string?> Entries(CultureInfo culture)
    {
        var set = Strings.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"No resources for '{culture.Name}': is its satellite assembly built?");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string);
    }
}
