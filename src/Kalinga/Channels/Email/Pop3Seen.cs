namespace Kalinga.Channels.Email;

/// <summary>A POP3 message (by its RFC 1939 §7 UIDL) that is committed, so it is not fetched again.</summary>
public sealed class Pop3Seen(long mailboxId, string uidl, DateTime seenAt)
{
    public long MailboxId { get; private set; } = mailboxId;

    public string Uidl { get; private set; } = uidl;

    public DateTime SeenAt { get; private set; } = seenAt;
}
