using System.Text.Json.Serialization;

namespace Kalinga.Channels.Email;

/// <summary>How Kalinga logs in to a mailbox's IMAP/POP3 or SMTP server.</summary>
public enum MailAuth
{
    /// <summary>User name and password (SASL PLAIN/LOGIN), or no login at all when the user is empty.</summary>
    Password,

    /// <summary>SASL XOAUTH2 with an access token, as Microsoft 365 and Google Workspace require.</summary>
    [JsonStringEnumMemberName("oauth2")]
    OAuth2,
}

/// <summary>Which side of a mailbox a login or a token belongs to.</summary>
public enum MailSide
{
    Inbound,
    Outbound,
}
