namespace Kalinga.Automation;

/// <summary><c>{"direction":"up"}</c> or <c>{"direction":"down"}</c>: one place earlier or later in the order rules run.</summary>
public sealed record MoveRuleRequest(string? Direction)
{
    public int Step() => Direction switch
    {
        "up" => -1,
        "down" => 1,
        _ => throw new RuleException("direction", new LocalText("Adm3_Problem.MoveDirection")),
    };
}
