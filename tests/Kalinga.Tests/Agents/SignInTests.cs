using System.Net;
using Kalinga.Agents;
using Kalinga.Agents.Auth;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Agents;

public sealed class SignInTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Agent_signs_in_with_the_password_an_admin_set_and_is_who_the_session_says()
    {
        var admin = await app.ClientAsync();
        var agent = await admin.CreateAgentAsync("jose@lumen.test", password: null);
        var browser = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync("jose@lumen.test")).StatusCode);

        var tooShort = await (await admin.PostAsync($"/api/v1/agents/{agent.Id}/password", new { password = "123456789" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("password", tooShort.Errors!.Keys);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/agents/{agent.Id}/password", new { password = People.Password })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.SignInAsync("JOSE@lumen.test")).StatusCode);
        var me = await browser.GetAsync<AuthModule.Me>("/api/v1/auth/me");
        Assert.Equal(agent.Id, me.Id);
        Assert.Equal("agent", me.Kind);
        Assert.Equal("Agent jose", me.Name);
        Assert.Equal(AgentRole.Agent, me.Role);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/agents", Ct)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        var admin = await app.ClientAsync();
        var agent = await admin.CreateAgentAsync("liza@lumen.test");
        var browser = app.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync("liza@lumen.test", "wrong-password")).StatusCode);
        }

        await (await browser.SignInAsync("liza@lumen.test", "wrong-password")).ProblemAsync(HttpStatusCode.Locked);
        await (await browser.SignInAsync("liza@lumen.test")).ProblemAsync(HttpStatusCode.Locked);
        var locked = await admin.GetAsync<AgentView>($"/api/v1/agents/{agent.Id}");
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(15), locked.LockedUntil);

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Locked, (await browser.SignInAsync("liza@lumen.test")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SignInAsync("liza@lumen.test")).StatusCode);
        Assert.Equal(agent.Id, (await browser.GetAsync<AuthModule.Me>("/api/v1/auth/me")).Id);
        Assert.Null((await admin.GetAsync<AgentView>($"/api/v1/agents/{agent.Id}")).LockedUntil);
    }

    [Fact]
    public async Task Agent_changes_own_profile_and_password_but_nothing_else()
    {
        var admin = await app.ClientAsync();
        var self = await admin.CreateAgentAsync("kasia@lumen.test", languages: ["pl", "en"]);
        var other = await admin.CreateAgentAsync("piotr@lumen.test");
        var browser = await app.SignedInAsync("kasia@lumen.test");

        var renamed = await (await browser.PatchAsync($"/api/v1/agents/{self.Id}", new { name = "Katarzyna Wiśniewska", uiLanguage = "pl" })).ReadAsync<AgentView>();
        Assert.Equal("Katarzyna Wiśniewska", renamed.Name);
        Assert.Equal("pl", renamed.UiLanguage);

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PatchAsync($"/api/v1/agents/{self.Id}", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PatchAsync($"/api/v1/agents/{self.Id}", new { languages = new[] { "it" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PatchAsync($"/api/v1/agents/{other.Id}", new { name = "Piotrek" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync($"/api/v1/agents/{other.Id}/password", new { password = "taken-over-account" })).StatusCode);
        Assert.Equal(AgentRole.Agent, (await admin.GetAsync<AgentView>($"/api/v1/agents/{self.Id}")).Role);
        Assert.Equal("Agent piotr", (await admin.GetAsync<AgentView>($"/api/v1/agents/{other.Id}")).Name);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync($"/api/v1/agents/{self.Id}/password", new { password = "nowe-haslo-kasi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().SignInAsync("kasia@lumen.test")).StatusCode);
        await app.SignedInAsync("kasia@lumen.test", "nowe-haslo-kasi");
        await app.SignedInAsync("piotr@lumen.test");
    }

    [Fact]
    public async Task Deactivating_an_agent_ends_their_session_at_once()
    {
        var admin = await app.ClientAsync();
        var agent = await admin.CreateAgentAsync("oliver@lumen.test");
        var browser = await app.SignedInAsync("oliver@lumen.test");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/auth/me", Ct)).StatusCode);

        (await admin.PatchAsync($"/api/v1/agents/{agent.Id}", new { active = false })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().SignInAsync("oliver@lumen.test")).StatusCode);
    }

    [Fact]
    public async Task A_demoted_admin_loses_admin_rights_in_their_open_session()
    {
        var admin = await app.ClientAsync();
        var boss = await admin.CreateAgentAsync("maria@lumen.test", AgentRole.Admin);
        await admin.CreateAgentAsync("tomasz@lumen.test", AgentRole.Admin);
        var browser = await app.SignedInAsync("maria@lumen.test");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/api-tokens", Ct)).StatusCode);

        (await admin.PatchAsync($"/api/v1/agents/{boss.Id}", new { role = "agent" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/v1/api-tokens", Ct)).StatusCode);
        Assert.Equal(AgentRole.Agent, (await browser.GetAsync<AuthModule.Me>("/api/v1/auth/me")).Role);
    }
}
