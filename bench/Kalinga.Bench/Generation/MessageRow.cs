namespace Kalinga.Bench.Generation;

/// <summary>A <c>Messages</c> row; its id is stamped by the loader, which writes messages in order.</summary>
public sealed class MessageRow
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public string Direction { get; set; } = "";

    public string Kind { get; set; } = "";

    public string AuthorKind { get; set; } = "";

    public long? AuthorId { get; set; }

    public string Text { get; set; } = "";

    public string? Html { get; set; }

    public string? ExternalId { get; set; }

    public string DeliveryStatus { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>The text as the app indexes it (TextFolding.ForIndex), computed with the row so the writer does not.</summary>
    public string SearchText { get; set; } = "";
}
