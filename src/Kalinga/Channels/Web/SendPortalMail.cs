using System.Text.Json;
using Kalinga.Customers.Auth;
using Kalinga.Data;
using Kalinga.Events;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Channels.Web;

/// <summary>
/// Delivers queued portal mail from the event outbox: retried with backoff by the dispatcher, each attempt recorded
/// on the mail, and set aside (visible to admins at /api/v1/events/failed) when no e-mail channel can send it.
/// </summary>
public sealed class SendPortalMail(IServiceScopeFactory scopes, IEnumerable<IPortalMailTransport> transports, TimeProvider clock) : ITicketEventHandler
{
    private readonly IPortalMailTransport? transport = transports.LastOrDefault();

    public string Name => "portal-mail";

    public bool Handles(TicketEvent e) => e.Type == RequestSignInLink.MailQueued;

    public async Task HandleAsync(TicketEvent e, CancellationToken ct)
    {
        var id = JsonDocument.Parse(e.Data).RootElement.GetProperty("mail").GetInt64();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        var mail = await db.PortalMail.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mail is null || mail.SentAt is not null)
        {
            return;
        }

        try
        {
            if (transport is null)
            {
                throw new InvalidOperationException("No e-mail channel is set up to send portal mail.");
            }

            await transport.SendAsync(mail, ct);
            mail.MarkSent(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            mail.MarkFailed(ex.Message);
            await db.SaveChangesAsync(ct);
            throw;
        }
    }
}
