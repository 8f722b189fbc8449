using Kalinga.Attachments;

namespace Kalinga.Web.Agent;

/// <summary>What a use case's refusal (a broken rule, a conflict or a refused upload) says, in the agent's language.</summary>
public static class Refusal
{
    public static string Text(Exception e) => e switch
    {
        RuleException rule => rule.Localized(),
        ConflictException conflict => conflict.Localized(),
        AttachmentRefusedException refused => refused.Localized(),
        _ => e.Message,
    };
}
