namespace Kalinga.Web.Agent;

/// <summary>What a use case's refusal (a broken rule or a conflict) says, in the agent's language.</summary>
public static class Refusal
{
    public static string Text(Exception e) => e switch
    {
        RuleException rule => rule.Localized(),
        ConflictException conflict => conflict.Localized(),
        _ => e.Message,
    };
}
