namespace Kalinga.Channels.Web;

/// <summary>
/// An e-mail the portal sends that belongs to no ticket (a sign-in link). It waits here until the e-mail channel
/// has sent it; then <see cref="Secret"/> is blanked out of the stored text, so the link does not outlive its use
/// in the database.
/// </summary>
public sealed class PortalMail
{
    private PortalMail()
    {
    }

    public PortalMail(long customerId, string to, string language, string subject, string text, string? secret, DateTime now)
    {
        CustomerId = customerId;
        To = to;
        Language = language;
        Subject = subject;
        Text = text;
        Secret = secret;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public long CustomerId { get; private set; }

    public string To { get; private set; } = "";

    public string Language { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Text { get; private set; } = "";

    public string? Secret { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public void MarkSent(DateTime now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
        if (Secret is not null)
        {
            Text = Text.Replace(Secret, "…", StringComparison.Ordinal);
            Secret = null;
        }
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length <= 2000 ? error : error[..2000];
    }
}
