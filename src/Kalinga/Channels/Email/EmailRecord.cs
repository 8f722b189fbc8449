namespace Kalinga.Channels.Email;

/// <summary>
/// What only e-mail knows about a ticket message: its headers, recipients, the raw .eml and, for a reply,
/// the Message-ID chosen before the first send attempt (so every retry sends the very same message).
/// </summary>
public sealed class EmailRecord
{
    private EmailRecord()
    {
    }

    public EmailRecord(long messageId, long? mailboxId, string internetMessageId, DateTime now)
    {
        MessageId = messageId;
        MailboxId = mailboxId;
        InternetMessageId = internetMessageId;
        CreatedAt = now;
    }

    /// <summary>The ticket message this record belongs to (also the key).</summary>
    public long MessageId { get; private set; }

    public long? MailboxId { get; private set; }

    /// <summary>The Message-ID header with its angle brackets.</summary>
    public string InternetMessageId { get; private set; } = "";

    public string? Subject { get; set; }

    public string? FromAddress { get; set; }

    public List<string> To { get; set; } = [];

    /// <summary>Everyone else on the conversation; replies keep them on copy.</summary>
    public List<string> Cc { get; set; } = [];

    public string? InReplyTo { get; set; }

    /// <summary>RFC 5322 §3.6.4 References, space-separated, oldest first.</summary>
    public string? References { get; set; }

    public string? RawSha256 { get; set; }

    public long RawSize { get; set; }

    /// <summary>An auto-reply or a message from a robot: stored, but never answered automatically.</summary>
    public bool IsAutomated { get; set; }

    /// <summary>The text without quoted history and signature, or null when nothing was folded away.</summary>
    public string? UnquotedText { get; set; }

    /// <summary>Remote images removed from the HTML, in document order, for an agent who chooses to load them.</summary>
    public List<string> RemoteImages { get; set; } = [];

    public int SendAttempts { get; set; }

    /// <summary>Set before each SMTP attempt is made; an attempt with no outcome recorded is "in doubt".</summary>
    public DateTime? LastAttemptAt { get; set; }

    public DateTime CreatedAt { get; private set; }
}
