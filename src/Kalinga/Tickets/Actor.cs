namespace Kalinga.Tickets;

public enum ActorKind
{
    System,
    Agent,
    Customer,
    ApiToken,

    /// <summary>A trigger, automation (Id = the rule) acting on its own.</summary>
    Rule,
}

/// <summary>Who caused a change; recorded on every timeline event.</summary>
public readonly record struct Actor(ActorKind Kind, long? Id)
{
    public static readonly Actor System = new(ActorKind.System, null);

    public static Actor Agent(long id) => new(ActorKind.Agent, id);

    public static Actor Customer(long id) => new(ActorKind.Customer, id);

    public static Actor Token(long id) => new(ActorKind.ApiToken, id);

    public static Actor Rule(long id) => new(ActorKind.Rule, id);

    public long? AgentId => Kind == ActorKind.Agent ? Id : null;
}
