namespace Kalinga.Tickets;

public sealed class TicketTag
{
    private TicketTag()
    {
    }

    internal TicketTag(Ticket ticket, Tag tag)
    {
        Ticket = ticket;
        Tag = tag;
    }

    public long TicketId { get; private set; }

    public int TagId { get; private set; }

    public Ticket Ticket { get; private set; } = null!;

    public Tag Tag { get; private set; } = null!;
}
