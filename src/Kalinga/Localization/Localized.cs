using System.Globalization;
using System.Text.Json;
using Kalinga.Channels;
using Kalinga.Localization.Resources;
using Kalinga.Tickets;

namespace Kalinga.Localization;

/// <summary>
/// Names of the fixed things (reasons, causes, statuses, priorities, channels) in one of the four languages.
/// Keys use the codes clients see in JSON (<c>Status.on_hold</c>), so a code and its label never drift apart.
/// </summary>
public static class Localized
{
    public static CultureInfo Culture(string? language) =>
        CultureInfo.GetCultureInfo(Languages.Normalize(language) ?? Languages.Default);

    /// <summary>The text for <paramref name="key"/>; English when the language lacks it, the key itself when no language has it.</summary>
    public static string Text(string key, string? language) => Lookup(key, Culture(language));

    /// <summary>The text in the request's UI language (see <see cref="LocalizationModule"/>).</summary>
    public static string Text(string key) => Lookup(key, CultureInfo.CurrentUICulture);

    public static string Reason(string code, string? language) => Text("Reason." + code, language);

    public static string Cause(string code, string? language) => Text("Cause." + code, language);

    public static string Status(TicketStatus status, string? language) => Text("Status." + Code(status), language);

    public static string Priority(Priority priority, string? language) => Text("Priority." + Code(priority), language);

    public static string Channel(Channel channel, string? language) => Text("Channel." + Code(channel), language);

    /// <summary>The enum's API word: <c>OnHold</c> → <c>on_hold</c>, as the JSON converter writes it.</summary>
    public static string Code<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Lookup(string key, CultureInfo culture) => Strings.ResourceManager.GetString(key, culture) ?? key;
}
