using System.Globalization;
using Kalinga.Channels;
using Kalinga.CustomFields;
using Kalinga.Localization;
using Kalinga.Localization.Resources;
using Kalinga.Tickets;
using Microsoft.Extensions.Localization;

namespace Kalinga.Web.Agent;

/// <summary>
/// The names of fixed things in the agent's language: statuses, priorities, channels, reasons and causes come from the
/// shared <see cref="Localized"/> names (the same words the API's problem texts use), the rest from the workspace's own
/// resources. Reasons and causes an admin added carry their own name.
/// </summary>
public sealed class Labels(IStringLocalizer<AgentUi> text)
{
    public static string Status(TicketStatus status) => Localized.Text("Status." + Localized.Code(status));

    public static string Priority(Priority priority) => Localized.Text("Priority." + Localized.Code(priority));

    public static string Channel(Channel channel) => Localized.Text("Channel." + Localized.Code(channel));

    public string Kind(MessageKind kind) => text["Kind." + EnumWords.Word(kind)];

    public string Delivery(DeliveryStatus status) => text["Delivery." + EnumWords.Word(status)];

    public string Language(string code) => text["Language." + code];

    public static string Reason(string code, Lookups lookups) => Named("Reason.", code, lookups.Reasons);

    public static string Cause(string code, Lookups lookups) => Named("Cause.", code, lookups.Causes);

    /// <summary>The agent's UI language as one of Kalinga's codes, for labels admins wrote per language.</summary>
    public static string UiLanguage => Languages.Normalize(CultureInfo.CurrentUICulture.Name) ?? Languages.Default;

    public string FieldType(CustomFieldType type) => text["CustomFields.Type." + EnumWords.Word(type)];

    /// <summary>A stored custom field value as agents read it: an option's label, yes or no, or the value itself.</summary>
    public string CustomFieldValue(CustomFieldDefinition field, string value) => field.Type switch
    {
        CustomFieldType.Dropdown => field.OptionLabel(value, UiLanguage),
        CustomFieldType.Checkbox => text[value == "true" ? "Common.Yes" : "Common.No"],
        _ => value,
    };

    /// <summary>"Label: value" for a defined field, "key=value" for a key no definition names.</summary>
    public string CustomFieldChange(string key, string value, Lookups lookups) =>
        lookups.CustomFields.FirstOrDefault(f => f.Key == key) is { } field ? $"{field.Label(UiLanguage)}: {CustomFieldValue(field, value)}" : $"{key}={value}";

    /// <summary>
    /// A custom field refused by the ticket (an empty required field when <paramref name="solving"/>, else a value its
    /// definition does not take), said in the agent's language; null when <paramref name="e"/> is about another field.
    /// </summary>
    public (string Key, string Message)? CustomFieldProblem(RuleException e, bool solving, Lookups lookups)
    {
        const string prefix = "customFields.";
        if (!e.Field.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var key = e.Field[prefix.Length..];
        var label = lookups.CustomFields.FirstOrDefault(f => f.Key == key)?.Label(UiLanguage) ?? key;
        return (key, text[solving ? "CustomFields.NeededToSolve" : "CustomFields.Invalid", label]);
    }

    private static string Named(string prefix, string code, IReadOnlyList<CodeOption> options)
    {
        var option = options.FirstOrDefault(o => o.Code == code);
        return option is { IsSystem: false } ? option.Name : Localized.Text(prefix + code);
    }
}
