namespace Kalinga.Configuration;

/// <summary>The kinds of configuration whose edits are recorded, as stored in <see cref="ConfigurationChange.EntityKind"/>.</summary>
public static class ConfigurationKinds
{
    public const string Rule = "rule";
    public const string Macro = "macro";
    public const string SlaPolicy = "sla_policy";
    public const string Calendar = "calendar";
    public const string Queue = "queue";
    public const string AgentRouting = "agent_routing";

    public static readonly IReadOnlyList<string> All = [Rule, Macro, SlaPolicy, Calendar, Queue, AgentRouting];

    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string Imported = "imported";
}
