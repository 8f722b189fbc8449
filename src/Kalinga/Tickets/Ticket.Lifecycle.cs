namespace Kalinga.Tickets;

/// <summary>Status rules: what may follow what, and the timestamps each status stamps.</summary>
public sealed partial class Ticket
{
    public void ChangeStatus(TicketStatus to, Actor actor, DateTime now)
    {
        if (to == Status)
        {
            return;
        }

        if (Status == TicketStatus.Closed)
        {
            throw new RuleException("status", "A closed ticket cannot change status; open a follow-up ticket.");
        }

        if (to == TicketStatus.Closed && Status != TicketStatus.Solved)
        {
            throw new RuleException("status", "Only a solved ticket can be closed.");
        }

        if (to == TicketStatus.New)
        {
            throw new RuleException("status", "A ticket cannot go back to new.");
        }

        ChangeStatusCore(to, actor, now);
    }

    private void ChangeStatusCore(TicketStatus to, Actor actor, DateTime now)
    {
        TicketEvent.For(this, TicketEventTypes.StatusChanged, actor, now, new { from = Status, to });
        Status = to;
        StatusChangedAt = now;
        if (to == TicketStatus.Solved)
        {
            SolvedAt = now;
        }
        else if (to == TicketStatus.Closed)
        {
            ClosedAt = now;
        }
        else
        {
            SolvedAt = null;
        }

        Touch(now);
    }
}
