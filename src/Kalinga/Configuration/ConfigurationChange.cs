using Kalinga.Tickets;

namespace Kalinga.Configuration;

/// <summary>
/// Who changed a piece of the desk's configuration (a rule, SLA policy, calendar, macro, queue or routing profile),
/// what and when. <see cref="Summary"/> is compact JSON: the changed top-level fields with their old and new values.
/// </summary>
public sealed class ConfigurationChange
{
    private ConfigurationChange()
    {
    }

    public ConfigurationChange(Actor actor, string entityKind, long entityId, string action, string summary, DateTime at)
    {
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        EntityKind = entityKind;
        EntityId = entityId;
        Action = action;
        Summary = summary;
        At = at;
    }

    public long Id { get; private set; }

    public ActorKind ActorKind { get; private set; }

    public long? ActorId { get; private set; }

    /// <summary>One of <see cref="ConfigurationKinds"/>.</summary>
    public string EntityKind { get; private set; } = "";

    public long EntityId { get; private set; }

    /// <summary><c>created</c>, <c>updated</c>, <c>deleted</c> or <c>imported</c>.</summary>
    public string Action { get; private set; } = "";

    public string Summary { get; private set; } = "{}";

    public DateTime At { get; private set; }
}
