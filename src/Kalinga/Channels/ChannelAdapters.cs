using Kalinga.Tickets;

namespace Kalinga.Channels;

/// <summary>The registered outbound adapters, one per channel.</summary>
public sealed class ChannelAdapters(IEnumerable<IChannelAdapter> adapters)
{
    private readonly Dictionary<Channel, IChannelAdapter> byChannel = adapters.ToDictionary(a => a.Channel);

    public bool CanSend(Channel channel) => byChannel.ContainsKey(channel);

    public IChannelAdapter? For(Channel channel) => byChannel.GetValueOrDefault(channel);
}
