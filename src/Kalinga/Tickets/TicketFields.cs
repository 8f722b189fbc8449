using System.Text.RegularExpressions;
using Kalinga.Attachments;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tickets;

/// <summary>Turns the codes and ids a request names into rows, refusing unknown ones with the field they came from.</summary>
public sealed partial class TicketFields(KalingaDb db)
{
    private const int MaxTags = 20;

    public async Task<ContactReason> ReasonAsync(string code, CancellationToken ct) =>
        await db.ContactReasons.SingleOrDefaultAsync(r => r.Code == code && r.IsActive, ct)
        ?? throw new RuleException("reason", $"Unknown contact reason '{code}'.");

    public async Task<List<Tag>> TagsAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        var normalized = names.Select(Tag.Normalize).Where(n => n.Length > 0).Distinct().ToList();
        if (normalized.Count > MaxTags || normalized.Any(n => n.Length > 64))
        {
            throw new RuleException("tags", $"At most {MaxTags} tags of up to 64 characters each.");
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
        return unknown.Count == 0 ? causes : throw new RuleException("causes", $"Unknown dissatisfaction cause: {string.Join(", ", unknown)}.");
    }

    public async Task CheckAssignmentAsync(long? agentId, long? teamId, CancellationToken ct)
    {
        if (agentId is { } a && !await db.Agents.AnyAsync(x => x.Id == a && x.IsActive, ct))
        {
            throw new RuleException("assigneeId", $"There is no active agent {a}.");
        }

        if (teamId is { } t && !await db.Teams.AnyAsync(x => x.Id == t, ct))
        {
            throw new RuleException("teamId", $"There is no team {t}.");
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
            : throw new RuleException("attachmentIds", "Each attachment must be uploaded first and used on one message only.");
    }

    public static IReadOnlyDictionary<string, string?> CheckCustomFields(IReadOnlyDictionary<string, string?> fields)
    {
        foreach (var (key, value) in fields)
        {
            if (!FieldKey().IsMatch(key))
            {
                throw new RuleException($"customFields.{key}", "Custom field keys are 1–64 lowercase letters, digits or underscores.");
            }

            if (value?.Length > 1000)
            {
                throw new RuleException($"customFields.{key}", "A custom field value holds at most 1000 characters.");
            }
        }

        return fields;
    }

    [GeneratedRegex("^[a-z0-9_]{1,64}$")]
    private static partial Regex FieldKey();
}
