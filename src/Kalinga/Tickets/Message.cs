using Kalinga.Attachments;

namespace Kalinga.Tickets;

/// <summary>One entry on a ticket: a customer's message, an agent's reply, or an internal note.</summary>
public sealed class Message
{
    private Message()
    {
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public MessageDirection Direction { get; private set; }

    public MessageKind Kind { get; private set; }

    public ActorKind AuthorKind { get; private set; }

    public long? AuthorId { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>Sanitized HTML, or null when the message was plain text.</summary>
    public string? Html { get; private set; }

    /// <summary>The channel's own id of the item (an e-mail Message-ID, a post id), used to drop duplicates.</summary>
    public string? ExternalId { get; private set; }

    public DeliveryStatus DeliveryStatus { get; private set; }

    public string? DeliveryError { get; private set; }

    public int DeliveryAttempts { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public List<Attachment> Attachments { get; private set; } = [];

    public bool IsInternal => Kind == MessageKind.Note;

    public Actor Author => new(AuthorKind, AuthorId);

    public static Message Inbound(MessageKind kind, Actor author, string text, string? html, string? externalId, DateTime now) =>
        new()
        {
            Direction = MessageDirection.In,
            Kind = kind,
            AuthorKind = author.Kind,
            AuthorId = author.Id,
            Text = text,
            Html = html,
            ExternalId = externalId,
            DeliveryStatus = DeliveryStatus.None,
            CreatedAt = now,
        };

    public static Message Outbound(MessageKind kind, Actor author, string text, string? html, bool needsDelivery, DateTime now) =>
        new()
        {
            Direction = MessageDirection.Out,
            Kind = kind,
            AuthorKind = author.Kind,
            AuthorId = author.Id,
            Text = text,
            Html = html,
            DeliveryStatus = needsDelivery ? DeliveryStatus.Queued : DeliveryStatus.None,
            CreatedAt = now,
        };

    public static Message Note(Actor author, string text, string? html, DateTime now) =>
        new()
        {
            Direction = MessageDirection.Out,
            Kind = MessageKind.Note,
            AuthorKind = author.Kind,
            AuthorId = author.Id,
            Text = text,
            Html = html,
            DeliveryStatus = DeliveryStatus.None,
            CreatedAt = now,
        };

    public void MarkSent(string? externalId)
    {
        DeliveryStatus = DeliveryStatus.Sent;
        ExternalId = externalId ?? ExternalId;
        DeliveryError = null;
        DeliveryAttempts++;
    }

    public void MarkFailed(string error, bool final)
    {
        DeliveryAttempts++;
        DeliveryError = error;
        if (final)
        {
            DeliveryStatus = DeliveryStatus.Failed;
        }
    }
}
