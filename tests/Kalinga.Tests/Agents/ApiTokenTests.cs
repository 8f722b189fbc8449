using System.Net;
using System.Net.Http.Headers;
using Kalinga.Agents;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Agents;

public sealed class ApiTokenTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_token_shows_its_secret_once_and_works_with_its_role()
    {
        var admin = await app.ClientAsync();

        var issued = await (await admin.PostAsync("/api/v1/api-tokens", new { name = "CRM sync", role = "supervisor" })).ReadAsync<IssuedToken>(HttpStatusCode.Created);
        var program = WithToken(issued.Secret);
        var usedAt = app.Clock.GetUtcNow().UtcDateTime;

        Assert.StartsWith("klg_", issued.Secret, StringComparison.Ordinal);
        Assert.StartsWith(issued.Hint, issued.Secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/v1/agents", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await program.GetAsync("/api/v1/api-tokens", Ct)).StatusCode);

        var raw = await admin.GetStringAsync("/api/v1/api-tokens", Ct);
        Assert.DoesNotContain(issued.Secret, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", raw, StringComparison.OrdinalIgnoreCase);
        var listed = Assert.Single(await admin.GetAsync<List<ApiTokenView>>("/api/v1/api-tokens"), t => t.Id == issued.Id);
        Assert.Equal("CRM sync", listed.Name);
        Assert.Equal(AgentRole.Supervisor, listed.Role);
        Assert.Equal(issued.Hint, listed.Hint);
        Assert.Equal(usedAt, listed.LastUsedAt);
        Assert.Null(listed.RevokedAt);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_from_the_next_request_on()
    {
        var admin = await app.ClientAsync();
        var issued = await (await admin.PostAsync("/api/v1/api-tokens", new { name = "Old importer", role = "agent" })).ReadAsync<IssuedToken>(HttpStatusCode.Created);
        var program = WithToken(issued.Secret);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/v1/tags", Ct)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-tokens/{issued.Id}", Ct)).StatusCode);

        var revokedAt = await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == issued.Id).Select(t => t.RevokedAt).SingleAsync());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, revokedAt);
        Assert.Equal(HttpStatusCode.Unauthorized, (await program.GetAsync("/api/v1/tags", Ct)).StatusCode);

        // Other nodes still hold the token in their cache for up to 30 s; once it is gone there, the database says no.
        ((MemoryCache)app.Services.GetRequiredService<IMemoryCache>()).Clear();
        Assert.Equal(HttpStatusCode.Unauthorized, (await program.GetAsync("/api/v1/tags", Ct)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-tokens/{issued.Id}", Ct)).StatusCode);
        Assert.Equal(revokedAt, (await admin.GetAsync<ApiTokenView>($"/api/v1/api-tokens/{issued.Id}")).RevokedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/v1/api-tokens/987654", Ct)).StatusCode);
    }

    private HttpClient WithToken(string secret)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
