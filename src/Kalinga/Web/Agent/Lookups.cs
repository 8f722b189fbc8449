using Kalinga.CustomFields;
using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Web.Agent;

public sealed record AgentOption(long Id, string Name, string Email, bool IsActive);

public sealed record TeamOption(long Id, string Name);

public sealed record CodeOption(int Id, string Code, string Name, bool IsSystem, bool IsActive);

/// <summary>
/// The small tables the workspace names things from (agents, teams, reasons, causes, tag names, custom fields), read once per
/// page session so that lists of tickets show names without a query per row.
/// </summary>
public sealed record Lookups(
    IReadOnlyList<AgentOption> Agents,
    IReadOnlyList<TeamOption> Teams,
    IReadOnlyList<CodeOption> Reasons,
    IReadOnlyList<CodeOption> Causes,
    IReadOnlyList<string> Tags,
    IReadOnlyList<CustomFieldDefinition> CustomFields)
{
    public const int MaxTags = 1000;

    public static readonly Lookups Empty = new([], [], [], [], [], []);

    public string AgentName(long? id) => id is { } a ? Agents.FirstOrDefault(x => x.Id == a)?.Name ?? "#" + a : "";

    public string TeamName(long? id) => id is { } t ? Teams.FirstOrDefault(x => x.Id == t)?.Name ?? "#" + t : "";

    public static async Task<Lookups> LoadAsync(KalingaDb db, CancellationToken ct) => new(
        await db.Agents.AsNoTracking().OrderBy(a => a.Name).Select(a => new AgentOption(a.Id, a.Name, a.Email, a.IsActive)).ToListAsync(ct),
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamOption(t.Id, t.Name)).ToListAsync(ct),
        await db.ContactReasons.AsNoTracking().OrderBy(r => r.Id).Select(r => new CodeOption(r.Id, r.Code, r.Name, r.IsSystem, r.IsActive)).ToListAsync(ct),
        await db.DissatisfactionCauses.AsNoTracking().OrderBy(r => r.Id).Select(r => new CodeOption(r.Id, r.Code, r.Name, r.IsSystem, r.IsActive)).ToListAsync(ct),
        await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).Take(MaxTags).ToListAsync(ct),
        await db.CustomFields.AsNoTracking().OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(ct));
}
