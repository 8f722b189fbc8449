using Kalinga.Data;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Configuration;

public sealed record ConfigurationChangeView(long Id, ActorKind ActorKind, long? ActorId, string? ActorName, string EntityKind, long EntityId, string Action, string Summary, DateTime At);

/// <summary>The recorded edits of one configuration item, newest first.</summary>
public sealed class ConfigurationHistory(KalingaDb db)
{
    public const int MaxItems = 200;

    public async Task<IReadOnlyList<ConfigurationChangeView>> HandleAsync(string kind, long id, CancellationToken ct) =>
        await db.ConfigurationChanges.AsNoTracking()
            .Where(c => c.EntityKind == kind && c.EntityId == id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Take(MaxItems)
            .Select(c => new ConfigurationChangeView(
                c.Id, c.ActorKind, c.ActorId,
                c.ActorKind == ActorKind.Agent ? db.Agents.Where(a => a.Id == c.ActorId).Select(a => a.Name).FirstOrDefault()
                    : c.ActorKind == ActorKind.ApiToken ? db.ApiTokens.Where(t => t.Id == c.ActorId).Select(t => t.Name).FirstOrDefault()
                    : null,
                c.EntityKind, c.EntityId, c.Action, c.Summary, c.At))
            .ToListAsync(ct);
}
