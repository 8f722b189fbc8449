using Kalinga.BrowserTests.Infrastructure;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.BrowserTests;

/// <summary>Kalinga in Chromium with the test help center loaded.</summary>
public sealed class PortalApp : BrowserApp
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await HelpCenterSamples.LoadAsync(this);
    }
}
