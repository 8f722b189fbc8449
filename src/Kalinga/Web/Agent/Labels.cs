using Kalinga.Channels;
using Kalinga.Localization.Resources;
using Kalinga.Tickets;
using Microsoft.Extensions.Localization;

namespace Kalinga.Web.Agent;

/// <summary>
/// The names of fixed things (statuses, priorities, channels, reasons, causes) in the agent's language. Reasons and causes
/// an admin added carry their own name; the fixed ones are translated from the resources.
/// </summary>
public sealed class Labels(IStringLocalizer<AgentUi> text)
{
    public string Status(TicketStatus status) => text["Status." + EnumWords.Word(status)];

    public string Priority(Priority priority) => text["Priority." + EnumWords.Word(priority)];

    public string Channel(Channel channel) => text["Channel." + EnumWords.Word(channel)];

    public string Kind(MessageKind kind) => text["Kind." + EnumWords.Word(kind)];

    public string Delivery(DeliveryStatus status) => text["Delivery." + EnumWords.Word(status)];

    public string Language(string code) => text["Language." + code];

    public string Reason(string code, Lookups lookups) => Named("Reason.", code, lookups.Reasons);

    public string Cause(string code, Lookups lookups) => Named("Cause.", code, lookups.Causes);

    private string Named(string prefix, string code, IReadOnlyList<CodeOption> options)
    {
        var option = options.FirstOrDefault(o => o.Code == code);
        return option is { IsSystem: false } ? option.Name : text[prefix + code];
    }
}
