using System.Resources;

namespace Kalinga.Localization.Resources;

/// <summary>
/// The agent workspace's text: <c>AgentUi.resx</c> (English) and its fil, pl and it satellites. Components use it as
/// the marker type of <c>IStringLocalizer&lt;AgentUi&gt;</c>; its full name is the resources' manifest name.
/// </summary>
public sealed class AgentUi
{
    private AgentUi()
    {
    }

    public static ResourceManager ResourceManager { get; } = new(typeof(AgentUi));
}
