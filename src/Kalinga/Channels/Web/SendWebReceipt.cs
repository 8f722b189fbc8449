using System.Globalization;
using Kalinga.Data;
using Kalinga.Events;
using Kalinga.Localization;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kalinga.Channels.Web;

/// <summary>
/// Answers a request a customer opened on the web channel with a receipt e-mail naming its number, in the ticket's
/// language. It runs from the ticket's creation event, so a crash between the form and the receipt loses nothing;
/// the receipt is an automatic message in the outbox, delivered by e-mail like any reply (see <see cref="WebChannelAdapter"/>).
/// </summary>
public sealed class SendWebReceipt(IServiceScopeFactory scopes, ChannelAdapters adapters, IOptions<PortalOptions> options, TimeProvider clock) : ITicketEventHandler
{
    /// <summary>A receipt that would arrive later than this is no receipt (and imported or demo tickets need none).</summary>
    public static readonly TimeSpan Late = TimeSpan.FromHours(1);

    public string Name => "web-receipt";

    // The creation event names the channel: tickets of other channels (an e-mail import, chat) are not read at all.
    public bool Handles(TicketEvent e) => e.Type == TicketEventTypes.Created && e.ActorKind == ActorKind.Customer && e.TicketId is not null
        && e.ReadData<CreatedData>()?.Channel is null or Channel.Web;

    public async Task HandleAsync(TicketEvent e, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - e.CreatedAt > Late)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == e.TicketId, ct);
        var sent = await db.Messages.AnyAsync(m => m.TicketId == ticket.Id && m.AuthorKind == ActorKind.System && m.Direction == MessageDirection.Out, ct);
        if (ticket.Channel != Channel.Web || ticket.Status == TicketStatus.Closed || sent)
        {
            return;
        }

        var name = await db.Customers.Where(c => c.Id == ticket.CustomerId).Select(c => c.Name).SingleAsync(ct);
        var language = Languages.Normalize(ticket.Language) ?? Languages.Default;
        var url = $"{options.Value.PublicUrl.TrimEnd('/')}/requests/{ticket.Number}";
        var text = string.Format(Localized.Culture(language), PortalText.Get("Mail.Receipt.Body", language), name, ticket.Number, ticket.Subject, url);
        ticket.SendAutomatic(Message.Outbound(MessageKind.Email, Actor.System, text, null, adapters.CanSend(Channel.Web), now), now);
        await db.SaveChangesAsync(ct);
    }

    private sealed record CreatedData(Channel? Channel);
}
