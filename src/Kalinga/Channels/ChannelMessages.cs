using Kalinga.Tickets;

namespace Kalinga.Channels;

public static class ChannelMessages
{
    /// <summary>The kind of message a contact on this channel produces (a phone contact is a call record, and so on).</summary>
    public static MessageKind KindOf(Channel channel) => channel switch
    {
        Channel.Email => MessageKind.Email,
        Channel.Web => MessageKind.Web,
        Channel.Chat => MessageKind.Chat,
        Channel.Phone => MessageKind.Call,
        Channel.Office => MessageKind.Visit,
        Channel.Social => MessageKind.Social,
        _ => MessageKind.Api,
    };
}
