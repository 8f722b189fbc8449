namespace Kalinga.Tickets;

public sealed class TicketCause
{
    private TicketCause()
    {
    }

    internal TicketCause(Ticket ticket, DissatisfactionCause cause)
    {
        Ticket = ticket;
        Cause = cause;
    }

    public long TicketId { get; private set; }

    public int CauseId { get; private set; }

    public Ticket Ticket { get; private set; } = null!;

    public DissatisfactionCause Cause { get; private set; } = null!;
}
