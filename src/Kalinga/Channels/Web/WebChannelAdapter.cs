using Kalinga.Tickets;

namespace Kalinga.Channels.Web;

/// <summary>
/// The web channel's way back to the customer. A reply shows in the portal at once; the customer is told by e-mail,
/// so this hands the reply (or a receipt) to the e-mail channel's adapter. Without an e-mail channel the delivery fails
/// visibly and is retried, and the customer still reads the answer in the portal.
/// </summary>
public sealed class WebChannelAdapter(IServiceProvider services) : IChannelAdapter
{
    public Channel Channel => Channel.Web;

    public async Task<string?> SendAsync(Ticket ticket, Message reply, CancellationToken ct)
    {
        // Resolved late: the e-mail adapter is one of the adapters this one is registered among.
        var email = services.GetServices<IChannelAdapter>().FirstOrDefault(a => a.Channel == Channel.Email)
            ?? throw new InvalidOperationException("No e-mail channel is set up, so the customer was not notified by e-mail; the answer is in the portal.");
        return await email.SendAsync(ticket, reply, ct);
    }
}
