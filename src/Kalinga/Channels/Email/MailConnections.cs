using MailKit;
using MailKit.Security;

namespace Kalinga.Channels.Email;

/// <summary>Opens an IMAP, POP3 or SMTP connection the way a mailbox is configured.</summary>
public static class MailConnections
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static SecureSocketOptions Options(MailSecurity security) => security switch
    {
        MailSecurity.Ssl => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };

    public static async Task ConnectAsync(IMailService client, string host, int port, MailSecurity security, string? user, string? password, CancellationToken ct)
    {
        client.Timeout = (int)Timeout.TotalMilliseconds;
        await client.ConnectAsync(host, port, Options(security), ct);
        if (!string.IsNullOrEmpty(user))
        {
            await client.AuthenticateAsync(user, password ?? "", ct);
        }
    }

    /// <summary>A short account of a failure for the mailbox health, without stack traces or secrets.</summary>
    public static string Describe(Exception e)
    {
        var text = e switch
        {
            AuthenticationException => "Login refused: check the user name and password. " + e.Message,
            SslHandshakeException => "TLS handshake failed: check the security mode and the server certificate. " + e.Message,
            System.Net.Sockets.SocketException s => $"Cannot reach the server ({s.SocketErrorCode}): {e.Message}",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        return text.Length > 2000 ? text[..2000] : text;
    }
}
