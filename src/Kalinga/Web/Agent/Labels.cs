using Kalinga.Channels;
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

    private static string Named(string prefix, string code, IReadOnlyList<CodeOption> options)
    {
        var option = options.FirstOrDefault(o => o.Code == code);
        return option is { IsSystem: false } ? option.Name : Localized.Text(prefix + code);
    }
}
