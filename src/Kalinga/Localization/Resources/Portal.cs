using System.Resources;

namespace Kalinga.Localization.Resources;

/// <summary>
/// The text of the customer portal, the help center and the e-mails they send, in <c>Portal.resx</c> (English) and
/// its fil, pl and it satellites. Kept apart from <see cref="Strings"/>, which names the agents' fixed things.
/// </summary>
public sealed class Portal
{
    private Portal()
    {
    }

    public static ResourceManager ResourceManager { get; } = new(typeof(Portal));
}
