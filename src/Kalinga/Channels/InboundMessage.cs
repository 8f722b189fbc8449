using Kalinga.Attachments;
using Kalinga.Customers;

namespace Kalinga.Channels;

/// <summary>
/// One item that arrived on any channel, as its adapter understood it. Everything after this point is the same
/// for every channel (see <see cref="ReceiveInbound"/>).
/// </summary>
public sealed record InboundMessage(Channel Channel, CustomerRef From, string Subject, string Text)
{
    public string? Html { get; init; }

    /// <summary>
    /// Text and Html already went through <see cref="Tickets.MessageBody"/> (the e-mail intake does it while parsing,
    /// on other threads), so the inbound step does not sanitize them again.
    /// </summary>
    public bool BodyIsClean { get; init; }

    /// <summary>The channel's id of the item (Message-ID, post id); a second item with the same id is a duplicate.</summary>
    public string? ExternalId { get; init; }

    /// <summary>A ticket the adapter recognised (a ticket number in a subject, a reply address token).</summary>
    public long? TicketNumber { get; init; }

    /// <summary>Ids of earlier items this one answers (In-Reply-To and References, a parent post).</summary>
    public IReadOnlyList<string> InReplyTo { get; init; } = [];

    public string Reason { get; init; } = "question";

    /// <summary>
    /// Written by a machine (an out-of-office note, an auto-reply): kept on the ticket, but it reopens nothing and
    /// triggers answer nothing (RFC 3834 §2 asks responders not to answer such messages).
    /// </summary>
    public bool Automated { get; init; }

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>Fields a form asked for (an order number, a product); set on a new ticket only.</summary>
    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>();
}

public enum InboundOutcome
{
    NewTicket,
    Threaded,
    Duplicate,

    /// <summary>
    /// An automated item (out-of-office, auto-reply) that continues a closed ticket: nothing is stored, as a follow-up
    /// ticket would only make an agent close a robot's note again. The channel keeps it as filtered.
    /// </summary>
    AutomatedOnClosed,
}

/// <summary>The outcome, the ticket the item went to (or, for <see cref="InboundOutcome.AutomatedOnClosed"/>, the closed ticket it answers) and the stored message.</summary>
public sealed record InboundResult(InboundOutcome Outcome, long TicketNumber, long? MessageId);

/// <summary>
/// One item of a batch as <see cref="ReceiveInbound.HandleBatchAsync"/> left it for the caller's one save: the ticket
/// and message it went to (new ones get their ids from that save), or for a duplicate of a stored message its ids.
/// </summary>
public sealed record BatchedInbound(InboundOutcome Outcome, Tickets.Ticket? Ticket, Tickets.Message? Message)
{
    /// <summary>For a duplicate of a message stored before this batch, or an automated item on a closed ticket.</summary>
    public long? KnownTicketNumber { get; init; }

    /// <summary>For a duplicate of a message stored before this batch.</summary>
    public long? KnownMessageId { get; init; }

    /// <summary>The result as a single item would have had it; read it after the save.</summary>
    public InboundResult Result => new(Outcome, Ticket?.Number ?? KnownTicketNumber ?? 0, Message?.Id ?? KnownMessageId);
}
