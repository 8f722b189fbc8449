using MailKit;
using MailKit.Security;

namespace Kalinga.Channels.Email;

/// <summary>
/// Opens an IMAP, POP3 or SMTP connection the way a mailbox is configured and logs in: with the password, or with
/// SASL XOAUTH2 and an access token from <see cref="OAuthTokens"/>.
/// </summary>
public sealed class MailConnections(MailboxSecrets secrets, OAuthTokens tokens)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static SecureSocketOptions Options(MailSecurity security) => security switch
    {
        MailSecurity.Ssl => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };

    public async Task ConnectAsync(IMailService client, Mailbox mailbox, MailSide side, CancellationToken ct)
    {
        var (host, port, security, user, auth) = side == MailSide.Inbound
            ? (mailbox.InboundHost!, mailbox.InboundPort, mailbox.InboundSecurity, mailbox.InboundUser, mailbox.InboundAuth)
            : (mailbox.SmtpHost!, mailbox.SmtpPort, mailbox.SmtpSecurity, mailbox.SmtpUser, mailbox.SmtpAuth);

        // The token comes first: a dead refresh token is reported as such, not as a refused login.
        var token = auth == MailAuth.OAuth2 ? await tokens.AccessTokenAsync(mailbox, side, ct) : null;
        client.Timeout = (int)Timeout.TotalMilliseconds;
        await client.ConnectAsync(host, port, Options(security), ct);
        if (token is not null)
        {
            try
            {
                await client.AuthenticateAsync(new SaslMechanismOAuth2(user ?? mailbox.Address, token), ct);
            }
            catch (AuthenticationException)
            {
                // Revoked before its expiry: ask the token endpoint again next time instead of repeating a dead token.
                tokens.Forget(mailbox.Id, side);
                throw;
            }
        }
        else if (!string.IsNullOrEmpty(user))
        {
            var password = secrets.Unprotect(side == MailSide.Inbound ? mailbox.InboundSecret : mailbox.SmtpSecret);
            await client.AuthenticateAsync(user, password ?? "", ct);
        }
    }

    /// <summary>A short account of a failure for the mailbox health, without stack traces or secrets.</summary>
    public static string Describe(Exception e)
    {
        var text = e switch
        {
            AuthenticationException => "Login refused: check the user name and the password or OAuth2 token. " + e.Message,
            OAuthTokenException => "OAuth2: " + e.Message,
            SslHandshakeException => "TLS handshake failed: check the security mode and the server certificate. " + e.Message,
            System.Net.Sockets.SocketException s => $"Cannot reach the server ({s.SocketErrorCode}): {e.Message}",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        return text.Length > 2000 ? text[..2000] : text;
    }
}
