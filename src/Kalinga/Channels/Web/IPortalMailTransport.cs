namespace Kalinga.Channels.Web;

/// <summary>Sends a <see cref="PortalMail"/>; the e-mail channel provides it. Throws to be retried.</summary>
public interface IPortalMailTransport
{
    Task SendAsync(PortalMail mail, CancellationToken ct);
}
