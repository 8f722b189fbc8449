using System.Net;
using System.Net.Http.Headers;
using Kalinga.Agents;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Web;

public sealed class AccessTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Theory]
    [InlineData("/api/v1/tickets")]
    [InlineData("/api/v1/search?q=x")]
    [InlineData("/api/v1/events/failed")]
    [InlineData("/api/v1/auth/me")]
    public async Task Without_credentials_the_api_answers_401_with_a_bearer_challenge(string url)
    {
        var response = await app.CreateClient().GetAsync(url);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [InlineData("klg_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-a-token")]
    public async Task An_unknown_token_is_401(string secret)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var response = await client.GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_agent_token_is_403_on_admin_endpoints_but_works_on_tickets()
    {
        var client = await app.ClientAsync(AgentRole.Agent);

        var admin = await client.GetAsync("/api/v1/events/failed");
        var tickets = await client.GetAsync("/api/v1/tickets");

        await admin.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, tickets.StatusCode);
    }

    [Fact]
    public async Task Health_openapi_and_the_api_reference_are_public()
    {
        var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");
        var openapi = await client.GetStringAsync("/openapi/v1.json");
        var docs = await client.GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Contains("\"/api/v1/tickets\"", openapi, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/search\"", openapi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("Kalinga API", await docs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
