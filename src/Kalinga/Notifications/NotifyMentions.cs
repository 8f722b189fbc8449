using Kalinga.Data;
using Kalinga.Events;
using Kalinga.Realtime;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Notifications;

/// <summary>Records a notification for each agent an internal note mentions, and tells their open pages.</summary>
public sealed class NotifyMentions(IServiceScopeFactory scopes, ILiveTransport live) : ITicketEventHandler
{
    public string Name => "notify-mentions";

    public bool Handles(TicketEvent e) => e.Type == TicketEventTypes.NoteAdded && e.MessageId is not null && e.TicketId is not null;

    public async Task HandleAsync(TicketEvent e, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KalingaDb>();
        var text = await db.Messages.Where(m => m.Id == e.MessageId).Select(m => m.Text).SingleOrDefaultAsync(ct);
        if (text is null || !text.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        var agents = await db.Agents.Where(a => a.IsActive).Select(a => new Mentions.Candidate(a.Id, a.Name, a.Email)).ToListAsync(ct);
        var mentioned = Mentions.Find(text, agents).Where(id => id != e.Actor.AgentId).ToList();
        var already = await db.Notifications.Where(n => n.MessageId == e.MessageId && n.Kind == Notification.Mention)
            .Select(n => n.AgentId).ToListAsync(ct);
        var fresh = mentioned.Except(already).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        db.Notifications.AddRange(fresh.Select(id => new Notification(id, Notification.Mention, e.TicketId!.Value, e.MessageId, e.Actor, e.CreatedAt)));
        await db.SaveChangesAsync(ct);
        foreach (var id in fresh)
        {
            await live.PublishAsync(new LiveEvent(LiveEventKind.Notification, e.TicketId!.Value, e.Type, e.Actor.AgentId, id, e.MessageId), ct);
        }
    }
}
