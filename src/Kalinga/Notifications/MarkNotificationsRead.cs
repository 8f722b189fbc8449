using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Notifications;

/// <summary>Marks an agent's notifications read: the ones named, or all of them when none are named.</summary>
public sealed class MarkNotificationsRead(KalingaDb db, TimeProvider clock)
{
    public async Task<int> HandleAsync(long agentId, IReadOnlyList<long>? ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = db.Notifications.Where(n => n.AgentId == agentId && n.ReadAt == null);
        if (ids is { Count: > 0 })
        {
            unread = unread.Where(n => ids.Contains(n.Id));
        }

        return await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
