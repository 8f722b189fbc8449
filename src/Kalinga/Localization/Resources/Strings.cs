using System.Resources;

namespace Kalinga.Localization.Resources;

/// <summary>
/// The text in <c>Strings.resx</c> (English, the neutral language) and its fil, pl and it satellites.
/// A class rather than a static class so it can also be the marker type of <c>IStringLocalizer&lt;Strings&gt;</c>
/// in Blazor components: its full name is the resources' manifest name, which is what that localizer looks up.
/// </summary>
public sealed class Strings
{
    private Strings()
    {
    }

    public static ResourceManager ResourceManager { get; } = new(typeof(Strings));
}
