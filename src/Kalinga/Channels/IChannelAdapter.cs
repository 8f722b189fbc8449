using Kalinga.Tickets;

namespace Kalinga.Channels;

/// <summary>
/// A channel's outbound side. Each channel that can carry a reply back to the customer (e-mail, chat, social)
/// registers one; the delivery handler hands it every queued reply on that channel.
/// </summary>
public interface IChannelAdapter
{
    Channel Channel { get; }

    /// <summary>Sends the reply; returns the channel's id for it (a Message-ID, a post id). Throws to be retried.</summary>
    Task<string?> SendAsync(Ticket ticket, Message reply, CancellationToken ct);
}
