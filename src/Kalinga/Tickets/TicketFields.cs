using System.Text.RegularExpressions;
using Kalinga.Attachments;
using Kalinga.CustomFields;
using Kalinga.Data;
using Kalinga.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>Turns the codes and ids a request names into rows, refusing unknown ones with the field they came from.</summary>
public sealed partial class TicketFields(KalingaDb db)
{
    private const int MaxTags = 20;

    public async Task<ContactReason> ReasonAsync(string code, CancellationToken ct) =>
        await db.ContactReasons.SingleOrDefaultAsync(r => r.Code == code && r.IsActive, ct)
        ?? throw new RuleException("reason", new LocalText("Adm3_Problem.UnknownReason", code));

    public async Task<List<Tag>> TagsAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        var normalized = names.Select(Tag.Normalize).Where(n => n.Length > 0).Distinct().ToList();
        if (normalized.Count > MaxTags || normalized.Any(n => n.Length > 64))
        {
            throw new RuleException("tags", new LocalText("Loc4_Problem.Tickets.Tags", MaxTags));
        }

        var known = await db.Tags.Where(t => normalized.Contains(t.Name)).ToListAsync(ct);
        var created = normalized.Except(known.Select(t => t.Name)).Select(n => new Tag(n)).ToList();
        db.Tags.AddRange(created);
        return [.. known, .. created];
    }

    public async Task<List<DissatisfactionCause>> CausesAsync(IReadOnlyList<string> codes, CancellationToken ct)
    {
        var distinct = codes.Distinct().ToList();
        var causes = await db.DissatisfactionCauses.Where(c => distinct.Contains(c.Code) && c.IsActive).ToListAsync(ct);
        var unknown = distinct.Except(causes.Select(c => c.Code)).ToList();
        return unknown.Count == 0 ? causes : throw new RuleException("causes", new LocalText("Loc4_Problem.Tickets.UnknownCause", string.Join(", ", unknown)));
    }

    public async Task CheckAssignmentAsync(long? agentId, long? teamId, CancellationToken ct)
    {
        if (agentId is { } a && !await db.Agents.AnyAsync(x => x.Id == a && x.IsActive, ct))
        {
            throw new RuleException("assigneeId", new LocalText("Adm3_Problem.NoActiveAgent", a));
        }

        if (teamId is { } t && !await db.Teams.AnyAsync(x => x.Id == t, ct))
        {
            throw new RuleException("teamId", new LocalText("Adm3_Problem.NoTeam", t));
        }
    }

    /// <summary>Attachments uploaded for this message and not yet used by another one.</summary>
    public async Task<List<Attachment>> UnclaimedAttachmentsAsync(IReadOnlyList<long>? ids, CancellationToken ct)
    {
        if (ids is not { Count: > 0 })
        {
            return [];
        }

        var distinct = ids.Distinct().ToList();
        var found = await db.Attachments.Where(a => distinct.Contains(a.Id) && a.MessageId == null).ToListAsync(ct);
        return found.Count == distinct.Count
            ? found
            : throw new RuleException("attachmentIds", new LocalText("Loc4_Problem.Tickets.Attachments"));
    }

    /// <summary>
    /// Custom field changes checked against the definitions and written as tickets store them (null removes a value).
    /// A deactivated field's value is read-only: sending it unchanged is fine, changing it is refused.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string?>> CustomFieldsAsync(
        IReadOnlyDictionary<string, string?> changes, IReadOnlyDictionary<string, string> current, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return changes;
        }

        var keys = changes.Keys.ToList();
        var definitions = await db.CustomFields.AsNoTracking().Where(f => keys.Contains(f.Key)).ToDictionaryAsync(f => f.Key, ct);
        var result = new Dictionary<string, string?>();
        foreach (var (key, value) in changes)
        {
            var definition = definitions.GetValueOrDefault(key)
                ?? throw new RuleException($"customFields.{key}", new LocalText("Loc4_Problem.Tickets.NoCustomField", key));
            if (!definition.IsActive)
            {
                var kept = current.GetValueOrDefault(key);
                var sent = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
                result[key] = sent == kept
                    ? kept
                    : throw new RuleException($"customFields.{key}", new LocalText("Loc4_Problem.Tickets.FieldRetired", definition.Label(Languages.Default)));
                continue;
            }

            result[key] = definition.Normalize(value);
        }

        return result;
    }

    /// <summary>The active fields a ticket must have filled in before it can be solved, in order.</summary>
    public async Task<IReadOnlyList<CustomFieldDefinition>> RequiredOnSolveAsync(CancellationToken ct) =>
        await db.CustomFields.AsNoTracking().Where(f => f.IsActive && f.RequiredOnSolve).OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(ct);

    /// <summary>Refuses to solve <paramref name="ticket"/> while a required field is empty, naming the first such field.</summary>
    public static void CheckSolvable(Ticket ticket, IReadOnlyList<CustomFieldDefinition> required)
    {
        if (required.FirstOrDefault(f => !f.IsFilled(ticket.CustomFields.GetValueOrDefault(f.Key))) is { } missing)
        {
            throw new RuleException($"customFields.{missing.Key}", new LocalText("Loc4_Problem.Tickets.FillBeforeSolving", missing.Label(Languages.Default)));
        }
    }

    /// <summary>Only the shape of keys and values, for callers that do not go through definitions (rules, channels).</summary>
    public static IReadOnlyDictionary<string, string?> CheckCustomFields(IReadOnlyDictionary<string, string?> fields)
    {
        foreach (var (key, value) in fields)
        {
            if (!FieldKey().IsMatch(key))
            {
                throw new RuleException($"customFields.{key}", new LocalText("Adm3_Problem.FieldKey"));
            }

            if (value?.Length > 1000)
            {
                throw new RuleException($"customFields.{key}", new LocalText("Adm3_Problem.FieldValueLength", 1000));
            }
        }

        return fields;
    }

    [GeneratedRegex("^[a-z0-9_]{1,64}$")]
    private static partial Regex FieldKey();
}
