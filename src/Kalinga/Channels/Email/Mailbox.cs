namespace Kalinga.Channels.Email;

/// <summary>
/// One support address Kalinga reads and sends from. The configuration is edited by admins; the sync position,
/// health and work lease are written by the pollers and the SMTP adapter, and shown beside the configuration.
/// Passwords and OAuth2 tokens are stored only in protected form (see <see cref="MailboxSecrets"/>).
/// </summary>
public sealed class Mailbox
{
    private Mailbox()
    {
    }

    public Mailbox(string address, DateTime now)
    {
        Address = address;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public long Id { get; private set; }

    /// <summary>Lower case; the address customers write to and replies come from.</summary>
    public string Address { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public InboundProtocol InboundProtocol { get; set; }

    public string? InboundHost { get; set; }

    public int InboundPort { get; set; }

    public MailSecurity InboundSecurity { get; set; }

    public string? InboundUser { get; set; }

    public string? InboundSecret { get; set; }

    public MailAuth InboundAuth { get; set; }

    public OAuthLogin InboundOAuth { get; set; } = new();

    /// <summary>The IMAP folder to read; POP3 always reads the one maildrop.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>IMAP: move committed messages here instead of flagging them \Seen.</summary>
    public string? ProcessedFolder { get; set; }

    /// <summary>POP3: delete a message on the server once it is committed, instead of leaving it and tracking its UIDL.</summary>
    public bool DeleteAfterFetch { get; set; }

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; }

    public MailSecurity SmtpSecurity { get; set; }

    public string? SmtpUser { get; set; }

    public string? SmtpSecret { get; set; }

    public MailAuth SmtpAuth { get; set; }

    public OAuthLogin SmtpOAuth { get; set; } = new();

    /// <summary>Replies carry a per-ticket Reply-To ("support+id1234@…"); turn off if the mail server does not deliver sub-addresses.</summary>
    public bool PlusAddressing { get; set; } = true;

    public long? DefaultTeamId { get; set; }

    /// <summary>Used for a new customer when their first message gives no clue (no Content-Language, no detectable words).</summary>
    public string? DefaultLanguage { get; set; }

    public bool SendReceipt { get; set; } = true;

    /// <summary>RFC 3501 §2.3.1.1: UIDs mean something only together with the folder's UIDVALIDITY.</summary>
    public long? ImapUidValidity { get; internal set; }

    public long ImapLastUid { get; internal set; }

    public DateTime? LastFetchAt { get; internal set; }

    public DateTime? LastErrorAt { get; internal set; }

    public string? LastError { get; internal set; }

    public int MessagesWaiting { get; internal set; }

    public DateTime? LastSentAt { get; internal set; }

    /// <summary>Failed SMTP attempts since the last successful send; 0 means outbound is healthy.</summary>
    public int SendFailures { get; internal set; }

    public string? LastSendError { get; internal set; }

    public DateTime? LastSendErrorAt { get; internal set; }

    public string? LeaseOwner { get; internal set; }

    public DateTime? LeaseExpiresAt { get; internal set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; set; }

    public bool CanSend => SmtpHost is not null;

    public string Domain => Address[(Address.IndexOf('@', StringComparison.Ordinal) + 1)..];
}
