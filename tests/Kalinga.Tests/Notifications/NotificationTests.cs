using System.Net;
using Kalinga.Events;
using Kalinga.Notifications;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Notifications;

public sealed class NotificationTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private sealed record UnreadCount(int Unread);

    [Fact]
    public async Task A_note_mentioning_a_colleague_notifies_them_once_and_they_can_mark_it_read()
    {
        var admin = await app.ClientAsync();
        await admin.CreateAgentAsync("writer@example.test");
        await admin.CreateAgentAsync("ana.mentioned@example.test");
        var writer = await app.SignedInAsync("writer@example.test");
        var mentioned = await app.SignedInAsync("ana.mentioned@example.test");
        var ticket = await admin.CreateTicketAsync(subject: "Refund stuck", email: "notify@example.test");

        await writer.PostAsync($"/api/v1/tickets/{ticket.Number}/notes", new { text = "@ana.mentioned please approve the refund; @writer FYI" });
        await DispatchAllAsync();
        await RedeliverNoteEventsAsync(ticket.Id);

        var list = await mentioned.GetAsync<List<NotificationView>>("/api/v1/notifications");
        var before = await mentioned.GetAsync<UnreadCount>("/api/v1/notifications/unread");
        var writerOwn = await writer.GetAsync<UnreadCount>("/api/v1/notifications/unread");
        var read = await mentioned.PostAsync("/api/v1/notifications/read", new { });
        var after = await mentioned.GetAsync<UnreadCount>("/api/v1/notifications/unread");

        var n = Assert.Single(list);
        Assert.Equal((ticket.Number, "Agent writer"), (n.TicketNumber, n.By));
        Assert.Contains("approve the refund", n.Excerpt, StringComparison.Ordinal);
        Assert.Equal(1, before.Unread);
        Assert.Equal(0, writerOwn.Unread);
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(0, after.Unread);
    }

    private async Task DispatchAllAsync()
    {
        var dispatcher = app.Services.GetRequiredService<EventDispatcher>();
        while (await dispatcher.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>Delivery is at least once: the mention handler must not notify twice when an event comes again.</summary>
    private async Task RedeliverNoteEventsAsync(long ticketId) =>
        await app.WithScopeAsync(async sp =>
        {
            var handler = sp.GetServices<ITicketEventHandler>().OfType<NotifyMentions>().Single();
            var db = sp.GetRequiredService<Kalinga.Data.KalingaDb>();
            foreach (var e in await db.Events.Where(e => e.TicketId == ticketId && e.Type == "note.added").ToListAsync())
            {
                await handler.HandleAsync(e, CancellationToken.None);
            }

            return true;
        });
}
