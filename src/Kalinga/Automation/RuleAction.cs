using System.Text.Json;

namespace Kalinga.Automation;

/// <summary>
/// One thing a rule or macro does; <see cref="Type"/> says which and which other fields it reads:
/// <c>assign</c> (agentId, teamId), <c>set</c> (field, value), <c>add_tags</c>/<c>remove_tags</c> (tags),
/// <c>reply</c>/<c>note</c> (templates per language), <c>notify</c> (to, templates), <c>webhook</c> (url, secret).
/// </summary>
public sealed record RuleAction(
    string Type,
    string? Field = null,
    JsonElement? Value = null,
    long? AgentId = null,
    long? TeamId = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? Templates = null,
    string? To = null,
    string? Url = null,
    string? Secret = null)
{
    public const string Assign = "assign";
    public const string Set = "set";
    public const string AddTags = "add_tags";
    public const string RemoveTags = "remove_tags";
    public const string Reply = "reply";
    public const string Note = "note";
    public const string Notify = "notify";
    public const string Webhook = "webhook";

    public static readonly IReadOnlyList<string> Types = [Assign, Set, AddTags, RemoveTags, Reply, Note, Notify, Webhook];

    public string ValueText => Value is { ValueKind: JsonValueKind.String } v ? v.GetString()! : Value?.GetRawText() ?? "";

    /// <summary>What the API shows: the webhook secret is write-only.</summary>
    public RuleAction Redacted() => Secret is null ? this : this with { Secret = "********" };
}
