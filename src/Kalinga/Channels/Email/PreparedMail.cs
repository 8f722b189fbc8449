using Kalinga.Attachments;

namespace Kalinga.Channels.Email;

/// <summary>
/// A message kept in the blob store and parsed, ready to be stored: its parsed form and stored attachments, or the
/// reason it is to be quarantined (<see cref="Mail"/> is then null).
/// </summary>
public sealed record PreparedMail(StoredBlob Blob, ParsedMail? Mail, IReadOnlyList<(MailFile File, StoredBlob Blob)> Files, string? Rejection)
{
    /// <summary>The plain text as it will be stored (through <see cref="Tickets.MessageBody"/>).</summary>
    public string Text { get; init; } = "";

    /// <summary>The sanitized HTML, if the message has any.</summary>
    public string? Html { get; init; }

    /// <summary>Content-Language, or the language detected from subject and text; null when neither says.</summary>
    public string? Language { get; init; }
}
