using System.Net;
using Kalinga.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Kalinga.Tests.Portal;

public sealed class RateLimitTests(RateLimitTests.App app) : IClassFixture<RateLimitTests.App>
{
    public sealed class App : KalingaApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:FormPostsPerWindow", "2");
        }
    }

    [Fact]
    public async Task A_third_form_post_in_the_window_is_refused_but_pages_still_load()
    {
        var portal = PortalClient.For(app);
        var fields = new Dictionary<string, string> { ["Email"] = "flood@example.test" };

        var first = await portal.SubmitAsync("/requests/sign-in", "link", fields);
        var second = await portal.SubmitAsync("/requests/sign-in", "link", fields);
        var third = await portal.SubmitAsync("/requests/sign-in", "link", fields);
        var page = await app.CreateClient().GetAsync("/requests/sign-in");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Too many attempts", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
