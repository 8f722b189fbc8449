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
            throw new RuleException("status", new LocalText("Loc4_Problem.Tickets.ClosedStatus"));
        }

        if (to == TicketStatus.Closed && Status != TicketStatus.Solved)
        {
            throw new RuleException("status", new LocalText("Loc4_Problem.Tickets.CloseSolvedOnly"));
        }

        if (to == TicketStatus.New)
        {
            throw new RuleException("status", new LocalText("Loc4_Problem.Tickets.BackToNew"));
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
