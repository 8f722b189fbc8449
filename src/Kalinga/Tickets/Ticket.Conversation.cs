namespace Kalinga.Tickets;

/// <summary>The conversation: messages from the customer, answers, automatic messages and notes.</summary>
public sealed partial class Ticket
{
    /// <summary>
    /// A message from the customer's side. It reopens a waiting or solved ticket, unless it is <paramref name="automated"/>
    /// (an out-of-office note, an auto-reply): that one is kept on the timeline but changes nothing, since nobody wrote it.
    /// </summary>
    public void ReceiveFromCustomer(Message message, DateTime now, bool automated = false)
    {
        if (Status == TicketStatus.Closed)
        {
            throw new RuleException("ticket", new LocalText("Loc4_Problem.Tickets.ClosedNoMessages"));
        }

        AppendMessage(message, now, automated);
        if (!automated && Status is TicketStatus.Pending or TicketStatus.OnHold or TicketStatus.Solved)
        {
            ChangeStatusCore(TicketStatus.Open, message.Author, now);
        }
    }

    /// <summary>An agent's public answer. The first one stamps the first response; a new ticket becomes open.</summary>
    public void Reply(Message message, TicketStatus? newStatus, DateTime now)
    {
        if (Status == TicketStatus.Closed)
        {
            throw new RuleException("ticket", new LocalText("Loc4_Problem.Tickets.ClosedNoReply"));
        }

        AppendMessage(message, now);
        FirstResponseAt ??= now;
        var target = newStatus ?? (Status == TicketStatus.New ? TicketStatus.Open : Status);
        if (target != Status)
        {
            ChangeStatus(target, message.Author, now);
        }
    }

    /// <summary>
    /// A message Kalinga sends by itself (a receipt, a notification): on the timeline and in the outbox, but nobody's
    /// answer, so it neither stamps the first response nor changes the status.
    /// </summary>
    public void SendAutomatic(Message message, DateTime now)
    {
        if (Status == TicketStatus.Closed)
        {
            throw new RuleException("ticket", new LocalText("Loc4_Problem.Tickets.Closed"));
        }

        AppendMessage(message, now);
    }

    public void AddNote(Message note, DateTime now)
    {
        Messages.Add(note);
        Touch(now);
        TicketEvent.For(this, TicketEventTypes.NoteAdded, note.Author, now, message: note);
    }

    private void AppendMessage(Message message, DateTime now, bool automated = false)
    {
        Messages.Add(message);
        Touch(now);
        TicketEvent.For(this, TicketEventTypes.MessageAdded, message.Author, now,
            automated ? new { message.Direction, message.Kind, automated } : new { message.Direction, message.Kind }, message);
    }
}
