namespace Kalinga.Channels.Email;

public enum SetAsideKind
{
    /// <summary>Could not be understood (unparseable, no sender, hostile structure): kept for an admin to look at.</summary>
    Quarantined,

    /// <summary>Stopped because answering it would feed a mail loop.</summary>
    Loop,

    /// <summary>A delivery status notification about one of our own replies.</summary>
    Bounce,

    /// <summary>An auto-reply (out-of-office, RFC 3834 Auto-Submitted) to a closed ticket: it opens no follow-up ticket.</summary>
    AutoReply,
}

/// <summary>
/// An inbound e-mail that did not become a ticket message. Nothing is dropped: the raw message stays in the blob
/// store and the row says why, so an admin can read, download or re-import it.
/// </summary>
public sealed class SetAsideMail
{
    private SetAsideMail()
    {
    }

    public SetAsideMail(SetAsideKind kind, string reason, string rawSha256, long rawSize, long? mailboxId, string source, DateTime now)
    {
        Kind = kind;
        Reason = reason.Length > 2000 ? reason[..2000] : reason;
        RawSha256 = rawSha256;
        RawSize = rawSize;
        MailboxId = mailboxId;
        Source = source;
        ReceivedAt = now;
    }

    public long Id { get; private set; }

    public SetAsideKind Kind { get; private set; }

    public string Reason { get; private set; } = "";

    public string RawSha256 { get; private set; } = "";

    public long RawSize { get; private set; }

    public long? MailboxId { get; private set; }

    /// <summary>imap, pop3, raw (HTTP) or import.</summary>
    public string Source { get; private set; } = "";

    public string? FromAddress { get; set; }

    public string? Subject { get; set; }

    public string? InternetMessageId { get; set; }

    /// <summary>For a bounce: the reply it reports on.</summary>
    public long? RelatedMessageId { get; set; }

    public DateTime ReceivedAt { get; private set; }
}
