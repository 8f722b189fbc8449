using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kalinga.Data;
using Kalinga.Tickets;

namespace Kalinga.Configuration;

/// <summary>
/// Adds a <see cref="ConfigurationChange"/> to the context (saved with the edit it describes, in the same transaction). The summary compares the
/// API views before and after: only fields that changed are kept, as <c>{"name":{"from":"a","to":"b"}}</c>; when that
/// is too long to be useful in a history list, just their names (<c>{"changed":["actions"]}</c>).
/// </summary>
public sealed class ConfigurationAudit(KalingaDb db, TimeProvider clock)
{
    public const int MaxSummary = 4000;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
    private static readonly string[] Ignored = ["id", "updatedAt"];

    public void Record(Actor actor, string kind, long id, string action, object? before, object? after) =>
        db.ConfigurationChanges.Add(new ConfigurationChange(actor, kind, id, action, Summarize(before, after), clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// Saves a new item and its <c>created</c> record atomically. The record names the item by the id the database
    /// gives it, so the item is inserted first; both inserts share one transaction, so a failure writing the record
    /// leaves no unaudited item behind.
    /// </summary>
    public async Task<TView> SaveCreatedAsync<TView>(Actor actor, string kind, Func<long> id, Func<TView> view, CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        var created = view();
        Record(actor, kind, id(), ConfigurationKinds.Created, null, created);
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return created;
    }

    public static string Summarize(object? before, object? after)
    {
        var old = before is null ? null : JsonSerializer.SerializeToNode(before, Web) as JsonObject;
        var now = after is null ? null : JsonSerializer.SerializeToNode(after, Web) as JsonObject;
        var summary = new JsonObject();
        if (old is null || now is null)
        {
            var whole = now ?? old;
            if (whole?["name"] is { } name)
            {
                summary["name"] = name.DeepClone();
            }

            return summary.ToJsonString();
        }

        var changed = now.Select(p => p.Key).Union(old.Select(p => p.Key))
            .Where(k => !Ignored.Contains(k) && !JsonNode.DeepEquals(old[k], now[k]))
            .ToList();
        foreach (var key in changed)
        {
            summary[key] = new JsonObject { ["from"] = old[key]?.DeepClone(), ["to"] = now[key]?.DeepClone() };
        }

        var text = summary.ToJsonString();
        return text.Length <= MaxSummary ? text : new JsonObject { ["changed"] = new JsonArray([.. changed.Select(k => (JsonNode)k)]) }.ToJsonString();
    }
}
