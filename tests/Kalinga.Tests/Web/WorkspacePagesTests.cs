using System.Net;
using Kalinga.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kalinga.Tests.Web;

public sealed class WorkspacePagesTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Theory]
    [InlineData("/agent")]
    [InlineData("/agent/tickets/1001")]
    [InlineData("/agent/admin/agents")]
    [InlineData("/agent/kb/articles/track-your-order")]
    [InlineData("/agent/admin/mailboxes")]
    public async Task A_signed_out_visitor_is_sent_to_the_sign_in_page_with_the_way_back(string url)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agent/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData("pl", "Zaloguj się")]
    [InlineData("fil", "Mag-sign in")]
    [InlineData("it", "Accedi")]
    [InlineData("en", "Sign in")]
    public async Task The_sign_in_page_speaks_the_language_of_the_culture_cookie(string language, string button)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c={language}|uic={language}");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/agent/sign-in"));

        Assert.Contains($"<html lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.Contains(button, html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/agent/tickets/7", "/agent/tickets/7")]
    [InlineData("https://evil.example/", "/agent")]
    [InlineData("//evil.example/", "/agent")]
    public async Task Choosing_a_language_sets_the_cookie_and_returns_only_to_local_pages(string returnUrl, string expected)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/agent/culture?lang=pl&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dpl%7Cuic%3Dpl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/agent/sign-out", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
