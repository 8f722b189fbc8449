namespace Kalinga.Tickets;

/// <summary>The ticket among others: merging, links and moving to another customer.</summary>
public sealed partial class Ticket
{
    /// <summary>Moves this ticket's conversation into <paramref name="target"/> and closes this one.</summary>
    public void MergeInto(Ticket target, Actor actor, DateTime now)
    {
        if (target.Id == Id)
        {
            throw new RuleException("target", new LocalText("Loc4_Problem.Tickets.MergeSelf"));
        }

        if (MergedIntoId is not null || target.MergedIntoId is not null)
        {
            throw new RuleException("target", new LocalText("Loc4_Problem.Tickets.MergedAlready"));
        }

        if (target.Status == TicketStatus.Closed)
        {
            throw new RuleException("target", new LocalText("Loc4_Problem.Tickets.MergeIntoClosed"));
        }

        foreach (var message in Messages.ToList())
        {
            Messages.Remove(message);
            target.Messages.Add(message);
        }

        MergedIntoId = target.Id;
        TicketEvent.For(this, TicketEventTypes.MergedInto, actor, now, new { target = target.Number });
        TicketEvent.For(target, TicketEventTypes.MergedFrom, actor, now, new { source = Number });
        if (Status != TicketStatus.Solved)
        {
            ChangeStatusCore(TicketStatus.Solved, actor, now);
        }

        ChangeStatusCore(TicketStatus.Closed, actor, now);
        target.Touch(now);
    }

    /// <summary>Links two tickets both ways; the caller loads <see cref="Links"/> of both first.</summary>
    public void LinkTo(Ticket other, Actor actor, DateTime now)
    {
        if (other.Id == Id)
        {
            throw new RuleException("ticket", new LocalText("Loc4_Problem.Tickets.LinkSelf"));
        }

        if (Links.Any(l => l.LinkedTicketId == other.Id))
        {
            return;
        }

        Links.Add(new TicketLink(Id, other.Id, now));
        other.Links.Add(new TicketLink(other.Id, Id, now));
        TicketEvent.For(this, TicketEventTypes.Linked, actor, now, new { ticket = other.Number });
        TicketEvent.For(other, TicketEventTypes.Linked, actor, now, new { ticket = Number });
        Touch(now);
        other.Touch(now);
    }

    /// <summary>Removes the link both ways; the caller loads <see cref="Links"/> of both first.</summary>
    public void UnlinkFrom(Ticket other, Actor actor, DateTime now)
    {
        if (Links.RemoveAll(l => l.LinkedTicketId == other.Id) + other.Links.RemoveAll(l => l.LinkedTicketId == Id) == 0)
        {
            return;
        }

        TicketEvent.For(this, TicketEventTypes.Unlinked, actor, now, new { ticket = other.Number });
        TicketEvent.For(other, TicketEventTypes.Unlinked, actor, now, new { ticket = Number });
        Touch(now);
        other.Touch(now);
    }

    /// <summary>Moves the ticket to another customer (after the two customers were merged).</summary>
    internal void MoveToCustomer(long customerId, long? organizationId, DateTime now)
    {
        CustomerId = customerId;
        OrganizationId ??= organizationId;
        Touch(now);
    }
}
