using System.Text.Json.Serialization;

namespace Kalinga.Channels.Email;

/// <summary>How a mail connection is protected.</summary>
public enum MailSecurity
{
    /// <summary>Plain text; only for servers on the same machine or a trusted network.</summary>
    None,

    /// <summary>Connect in plain text and upgrade with STARTTLS (RFC 3207, RFC 2595) before logging in; refuse if the server cannot.</summary>
    [JsonStringEnumMemberName("starttls")]
    StartTls,

    /// <summary>TLS from the first byte (RFC 8314 implicit TLS: ports 993, 995, 465).</summary>
    Ssl,
}
