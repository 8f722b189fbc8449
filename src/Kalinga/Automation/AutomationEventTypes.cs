namespace Kalinga.Automation;

/// <summary>Timeline events written by rules and macros.</summary>
public static class AutomationEventTypes
{
    public const string Notification = "automation.notification";
    public const string Webhook = "automation.webhook";
    public const string ActionFailed = "automation.action_failed";
    public const string LoopStopped = "automation.loop_stopped";
    public const string MacroApplied = "macro.applied";
}
