namespace Kalinga.Tickets;

public enum MessageKind
{
    Email,
    Web,
    Chat,
    Call,
    Visit,
    Social,
    Api,
    Note,
}

public enum MessageDirection
{
    In,
    Out,
}

public enum DeliveryStatus
{
    /// <summary>Nothing to deliver: inbound messages, notes, and replies on channels the customer reads in place.</summary>
    None,
    Queued,
    Sent,
    Failed,
}
