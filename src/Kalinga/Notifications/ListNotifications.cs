using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Notifications;

public sealed record NotificationView(long Id, string Kind, long TicketNumber, string TicketSubject, string By, string Excerpt, DateTime CreatedAt, bool IsRead);

/// <summary>An agent's latest notifications, newest first, in one query.</summary>
public sealed class ListNotifications(KalingaDb db)
{
    public const int MaxLimit = 100;

    public async Task<IReadOnlyList<NotificationView>> HandleAsync(long agentId, int limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RuleException("limit", new LocalText("Loc4_Problem.Notifications.Limit", MaxLimit));
        }

        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.AgentId == agentId)
            .OrderByDescending(n => n.Id)
            .Take(limit)
            .Select(n => new
            {
                n.Id,
                n.Kind,
                Ticket = db.Tickets.Where(t => t.Id == n.TicketId).Select(t => new { t.Number, t.Subject }).First(),
                By = n.ByKind == ActorKind.Agent ? db.Agents.Where(a => a.Id == n.ById).Select(a => a.Name).FirstOrDefault() : null,
                Text = db.Messages.Where(m => m.Id == n.MessageId).Select(m => m.Text).FirstOrDefault(),
                n.CreatedAt,
                n.ReadAt,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new NotificationView(
            r.Id, r.Kind, r.Ticket.Number, r.Ticket.Subject, r.By ?? "Kalinga", Excerpt(r.Text), r.CreatedAt, r.ReadAt is not null))];
    }

    public async Task<int> CountUnreadAsync(long agentId, CancellationToken ct) =>
        await db.Notifications.CountAsync(n => n.AgentId == agentId && n.ReadAt == null, ct);

    private static string Excerpt(string? text)
    {
        var flat = (text ?? "").ReplaceLineEndings(" ").Trim();
        return flat.Length <= 160 ? flat : flat[..157] + "…";
    }
}
