namespace Kalinga.Channels.Email;

public enum InboundProtocol
{
    /// <summary>Mail arrives only through the raw-message endpoint or the import verb.</summary>
    None,
    Imap,
    Pop3,
}
