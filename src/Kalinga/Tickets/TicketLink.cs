namespace Kalinga.Tickets;

/// <summary>
/// "These two tickets are about the same thing" without merging them (for example two customers hit by one
/// outage). Stored once per direction so either ticket finds its links with one indexed read.
/// </summary>
public sealed class TicketLink
{
    private TicketLink()
    {
    }

    internal TicketLink(long ticketId, long linkedTicketId, DateTime now)
    {
        TicketId = ticketId;
        LinkedTicketId = linkedTicketId;
        CreatedAt = now;
    }

    public long TicketId { get; private set; }

    public long LinkedTicketId { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
