using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Resources;
using Kalinga.Agents;
using Kalinga.Channels.Email;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Channels.Email;

public sealed class MailboxApiTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Passwords_are_stored_encrypted_and_never_shown()
    {
        var client = await app.ClientAsync();
        var response = await client.PostAsync("/api/v1/mailboxes", new
        {
            address = $"Help-{Guid.NewGuid():N}@Helpdesk.test",
            displayName = "Lumen Help",
            inbound = new { protocol = "imap", host = "imap.helpdesk.test", security = "ssl", user = "help", password = "imap-s3cret" },
            outbound = new { host = "smtp.helpdesk.test", security = "starttls", user = "help", password = "smtp-s3cret" },
        });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain("s3cret", body, StringComparison.Ordinal);
        var view = System.Text.Json.JsonSerializer.Deserialize<MailboxView>(body, Api.Json)!;
        Assert.Equal((993, true, 587, true), (view.Inbound.Port, view.Inbound.PasswordSet, view.Outbound!.Port, view.Outbound.PasswordSet));
        Assert.Equal("never_fetched", view.Health.Status);
        Assert.Equal(view.Address.ToLowerInvariant(), view.Address);
        var stored = await app.WithDbAsync(db => db.Mailboxes.SingleAsync(m => m.Id == view.Id));
        Assert.DoesNotContain("s3cret", stored.InboundSecret, StringComparison.Ordinal);
        Assert.Equal("imap-s3cret", app.Services.GetRequiredService<MailboxSecrets>().Unprotect(stored.InboundSecret));
        Assert.Equal("smtp-s3cret", app.Services.GetRequiredService<MailboxSecrets>().Unprotect(stored.SmtpSecret));
    }

    [Fact]
    public async Task An_update_without_a_password_keeps_it_and_an_empty_one_removes_it()
    {
        var client = await app.ClientAsync();
        var address = $"keep-{Guid.NewGuid():N}@helpdesk.test";
        var created = await client.CreateMailboxAsync(address, inbound: new { protocol = "pop3", host = "pop.helpdesk.test", security = "starttls", user = "u", password = "p" });

        var kept = await (await client.PutAsJsonAsync($"/api/v1/mailboxes/{created.Id}", new { address, inbound = new { protocol = "pop3", host = "pop2.helpdesk.test", security = "starttls", user = "u", deleteAfterFetch = true } }, Api.Json)).ReadAsync<MailboxView>();
        var removed = await (await client.PutAsJsonAsync($"/api/v1/mailboxes/{created.Id}", new { address, inbound = new { protocol = "pop3", host = "pop2.helpdesk.test", password = "" } }, Api.Json)).ReadAsync<MailboxView>();

        Assert.Equal((110, true, true, "pop2.helpdesk.test"), (kept.Inbound.Port, kept.Inbound.PasswordSet, kept.Inbound.DeleteAfterFetch, kept.Inbound.Host));
        Assert.False(removed.Inbound.PasswordSet);
    }

    [Theory]
    [InlineData("{\"address\":\"not-an-address\"}", "address")]
    [InlineData("{\"address\":\"x@helpdesk.test\",\"inbound\":{\"protocol\":\"imap\"}}", "inbound.host")]
    [InlineData("{\"address\":\"x@helpdesk.test\",\"inbound\":{\"protocol\":\"imap\",\"host\":\"h\",\"port\":70000}}", "inbound.port")]
    [InlineData("{\"address\":\"x@helpdesk.test\",\"inbound\":{\"protocol\":\"imap\",\"host\":\"h\",\"deleteAfterFetch\":true}}", "inbound.deleteAfterFetch")]
    [InlineData("{\"address\":\"x@helpdesk.test\",\"defaultLanguage\":\"de\"}", "defaultLanguage")]
    [InlineData("{\"address\":\"x@helpdesk.test\",\"inbound\":{\"protocol\":\"imap\",\"host\":\"h\",\"security\":\"tls13\"}}", "inbound.security")]
    [InlineData("{\"address\":\"x@helpdesk.test\",\"inbound\":{\"protocol\":\"imap\",\"host\":\"h\",\"user\":\"u\",\"auth\":\"oauth2\",\"oauth\":{\"refreshToken\":\"r\",\"clientId\":\"c\"}}}", "inbound.oauth.tokenEndpoint")]
    [InlineData("{\"address\":\"x@helpdesk.test\",\"inbound\":{\"protocol\":\"imap\",\"host\":\"h\",\"user\":\"u\",\"auth\":\"oauth2\",\"oauth\":{\"refreshToken\":\"r\",\"clientId\":\"c\",\"tokenEndpoint\":\"not a url\"}}}", "inbound.oauth.tokenEndpoint")]
    [InlineData("{\"address\":\"x@helpdesk.test\",\"inbound\":{\"protocol\":\"imap\",\"host\":\"h\",\"user\":\"u\",\"auth\":\"oauth2\",\"oauth\":{}}}", "inbound.oauth.refreshToken")]
    [InlineData("{\"address\":\"x@helpdesk.test\",\"inbound\":{\"protocol\":\"imap\",\"host\":\"h\",\"user\":\"u\",\"auth\":\"oauth2\"}}", "inbound.oauth")]
    [InlineData("{\"address\":\"x@helpdesk.test\",\"inbound\":{\"protocol\":\"imap\",\"host\":\"h\",\"auth\":\"oauth2\",\"oauth\":{\"accessToken\":\"a\"}}}", "inbound.user")]
    [InlineData("{\"address\":\"x@helpdesk.test\",\"outbound\":{\"host\":\"h\",\"user\":\"u\",\"auth\":\"oauth2\",\"oauth\":{\"refreshToken\":\"r\",\"tokenEndpoint\":\"https://login.example.test/token\"}}}", "outbound.oauth.clientId")]
    public async Task Bad_settings_are_refused_naming_the_field(string json, string field)
    {
        var client = await app.ClientAsync();

        var response = await client.PostAsync("/api/v1/mailboxes", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task OAuth2_tokens_and_client_secrets_are_stored_encrypted_never_shown_and_kept_when_sent_back_masked()
    {
        var client = await app.ClientAsync();
        var address = $"m365-{Guid.NewGuid():N}@helpdesk.test";
        var oauth = new { tokenEndpoint = "https://login.example.test/tenant/oauth2/v2.0/token", clientId = "app-1", clientSecret = "client-s3cret", scope = "https://outlook.office.com/IMAP.AccessAsUser.All offline_access", refreshToken = "refresh-s3cret" };
        var response = await client.PostAsync("/api/v1/mailboxes", new
        {
            address,
            inbound = new { protocol = "imap", host = "outlook.office365.com", user = address, auth = "oauth2", oauth },
            outbound = new { host = "smtp.office365.com", user = address, auth = "oauth2", oauth = new { accessToken = "access-s3cret" } },
        });
        var body = await response.Content.ReadAsStringAsync();
        var created = System.Text.Json.JsonSerializer.Deserialize<MailboxView>(body, Api.Json)!;
        var masked = new { tokenEndpoint = oauth.tokenEndpoint, clientId = "app-2", clientSecret = SaveMailbox.Unchanged, scope = oauth.scope, refreshToken = SaveMailbox.Unchanged };
        var updated = await (await client.PutAsJsonAsync($"/api/v1/mailboxes/{created.Id}", new
        {
            address,
            inbound = new { protocol = "imap", host = "outlook.office365.com", user = address, auth = "oauth2", oauth = masked },
            outbound = new { host = "smtp.office365.com", user = address, password = "now-a-password" },
        }, Api.Json)).ReadAsync<MailboxView>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain("s3cret", body, StringComparison.Ordinal);
        Assert.Equal((MailAuth.OAuth2, true, true, false), (created.Inbound.Auth, created.Inbound.OAuth!.RefreshTokenSet, created.Inbound.OAuth.ClientSecretSet, created.Inbound.PasswordSet));
        Assert.Equal((MailAuth.OAuth2, true, false), (created.Outbound!.Auth, created.Outbound.OAuth!.AccessTokenSet, created.Outbound.OAuth.RefreshTokenSet));
        Assert.Equal(("app-2", true, true), (updated.Inbound.OAuth!.ClientId, updated.Inbound.OAuth.RefreshTokenSet, updated.Inbound.OAuth.ClientSecretSet));
        Assert.Equal((MailAuth.Password, true, (OAuthView?)null), (updated.Outbound!.Auth, updated.Outbound.PasswordSet, updated.Outbound.OAuth));
        var stored = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync(m => m.Id == created.Id));
        var secrets = app.Services.GetRequiredService<MailboxSecrets>();
        Assert.Equal(("refresh-s3cret", "client-s3cret"), (secrets.Unprotect(stored.InboundOAuth.RefreshToken), secrets.Unprotect(stored.InboundOAuth.ClientSecret)));
        Assert.DoesNotContain("s3cret", stored.InboundOAuth.RefreshToken, StringComparison.Ordinal);
        Assert.Null(stored.SmtpOAuth.AccessToken);
    }

    [Fact]
    public async Task Two_mailboxes_cannot_share_an_address()
    {
        var client = await app.ClientAsync();
        var address = $"twin-{Guid.NewGuid():N}@helpdesk.test";
        await client.CreateMailboxAsync(address);

        var problem = await (await client.PostAsync("/api/v1/mailboxes", new { address = address.ToUpperInvariant() })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("address", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Only_admins_see_mailboxes()
    {
        var agent = await app.ClientAsync(AgentRole.Agent);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/mailboxes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/mailboxes/set-aside")).StatusCode);
    }

    [Fact]
    public void Every_email_template_exists_in_every_language()
    {
        var templates = new ResourceManager("Kalinga.Localization.EmailTemplates", typeof(ReceiptSender).Assembly);
        var keys = templates.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();

        Assert.Contains("ReceiptBody", keys);
        foreach (var language in new[] { "fil", "pl", "it" })
        {
            var set = templates.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false);
            Assert.True(set is not null, $"No e-mail templates for {language}");
            Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(set!.GetString(key)), $"{key} is missing in {language}"));
            Assert.NotEqual(templates.GetString("ReceiptBody", CultureInfo.InvariantCulture), set!.GetString("ReceiptBody"));
        }
    }
}
