using Kalinga.Channels.Email;
using Kalinga.Events;
using Kalinga.Tests.Infrastructure;
using System.Net.Http.Json;
using MailKit.Net.Imap;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Channels.Email;

/// <summary>
/// OAuth2 mailboxes against real servers: Dovecot lets oauth@helpdesk.test in only with SASL XOAUTH2 and asks this
/// test's <see cref="OAuthServer"/> whether the token is live; Postfix's submission listener relays only for clients
/// that logged in, checked by the same Dovecot. Kalinga gets its access tokens from the same server's token endpoint.
/// </summary>
public sealed class OAuthTests(OAuthTests.App app) : IClassFixture<OAuthTests.App>, IAsyncLifetime
{
    private readonly string folder = $"kalinga-oauth-{Guid.NewGuid():N}";

    private OAuthServer Server => app.OAuth;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await MailServers.DeleteFolderAsync(ConnectAsync, folder);

    private Task<ImapClient> ConnectAsync() => MailServers.ConnectWithTokenAsync(Server.User, Server.NewAccessToken());

    private object Inbound(object oauth) => new
    {
        protocol = "imap", host = MailServers.Imap.Host, port = MailServers.Imap.Port, security = "none", user = Server.User, folder, auth = "oauth2", oauth,
    };

    private object RefreshFlow(string refreshToken) => new
    {
        tokenEndpoint = Server.TokenEndpoint, clientId = OAuthServer.ClientId, clientSecret = OAuthServer.ClientSecret, refreshToken,
    };

    private async Task<string> DeliverAsync(string customer, string subject, string text)
    {
        var message = MailServers.Message(customer, Server.User, subject, text);
        await MailServers.SendAsync(message);
        await MailServers.MoveArrivedAsync(ConnectAsync, Server.User, [message.MessageId!], folder);
        return message.MessageId!;
    }

    [Fact]
    public async Task A_mailbox_with_a_refresh_token_fetches_over_xoauth2_and_sends_the_receipt_through_an_smtp_login_with_a_token()
    {
        var client = await app.ClientAsync();
        var firstRefreshToken = Server.NewRefreshToken();
        var mailbox = await client.CreateMailboxAsync($"oauth-{Guid.NewGuid():N}@helpdesk.test",
            Inbound(RefreshFlow(firstRefreshToken)),
            new { host = MailServers.Submission.Host, port = MailServers.Submission.Port, security = "none", user = Server.User, auth = "oauth2", oauth = RefreshFlow(Server.NewRefreshToken()) });
        var customer = $"maria-{Guid.NewGuid():N}@example.test";
        var id = await DeliverAsync(customer, "Aircon drips", "The indoor unit drips on the sofa.");
        var requestsBefore = Server.TokenRequests;

        var first = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();
        var second = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();
        await app.DispatchAllAsync();

        Assert.Equal((true, 1, (string?)null), (first.Fetched, first.Committed, first.Error));
        Assert.Null(second.Error);
        var number = await app.WithDbAsync(db => db.Tickets.Where(t => t.Messages.Any(m => m.ExternalId == "<" + id + ">")).Select(t => t.Number).SingleAsync());
        Assert.Equal("Aircon drips", (await client.TicketAsync(number)).Subject);
        var receipt = Assert.Single(await MailServers.SinkAsync(m => m.To.Mailboxes.Any(a => a.Address == customer)));
        Assert.Equal("auto-replied", receipt.Headers["Auto-Submitted"]);
        var health = (await client.GetAsync<MailboxView>($"/api/v1/mailboxes/{mailbox.Id}")).Health;
        Assert.Equal(("ok", 0, (string?)null), (health.Status, health.SendFailures, health.LastError));

        // One refresh per side: the second fetch reused the cached access token. The server rotated the refresh
        // token, and the one stored now is the new one (the first is dead).
        Assert.Equal(requestsBefore + 2, Server.TokenRequests);
        var stored = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync(m => m.Id == mailbox.Id));
        var secrets = app.Services.GetRequiredService<MailboxSecrets>();
        Assert.False(Server.IsLiveRefreshToken(firstRefreshToken));
        Assert.True(Server.IsLiveRefreshToken(secrets.Unprotect(stored.InboundOAuth.RefreshToken)));
        Assert.True(Server.IsLiveRefreshToken(secrets.Unprotect(stored.SmtpOAuth.RefreshToken)));

        // The access token lived an hour (expires_in 3600); shortly before the end Kalinga asks for a new one.
        app.Clock.Advance(TimeSpan.FromMinutes(59.5));
        var later = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();

        Assert.Equal((true, (string?)null), (later.Fetched, later.Error));
        Assert.Equal(requestsBefore + 3, Server.TokenRequests);
    }

    [Fact]
    public async Task A_revoked_refresh_token_shows_as_the_mailboxs_last_error()
    {
        var client = await app.ClientAsync();
        var mailbox = await client.CreateMailboxAsync($"revoked-{Guid.NewGuid():N}@helpdesk.test", Inbound(RefreshFlow("refresh-that-was-never-issued")));
        await DeliverAsync($"jun-{Guid.NewGuid():N}@example.test", "Heater", "No hot water.");

        var result = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();

        Assert.Equal((true, 0), (result.Fetched, result.Committed));
        Assert.Contains("invalid_grant", result.Error, StringComparison.Ordinal);
        var health = (await client.GetAsync<MailboxView>($"/api/v1/mailboxes/{mailbox.Id}")).Health;
        Assert.Equal("error", health.Status);
        Assert.Contains("invalid_grant", health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_refresh_token_is_asked_for_ever_more_rarely_until_an_admin_checks_or_renews_the_settings()
    {
        var client = await app.ClientAsync();
        var address = $"backoff-{Guid.NewGuid():N}@helpdesk.test";
        var mailbox = await client.CreateMailboxAsync(address, Inbound(RefreshFlow("refresh-that-was-never-issued")));
        await DeliverAsync($"rosa-{Guid.NewGuid():N}@example.test", "Dishwasher", "It does not drain.");
        var imap = app.Services.GetRequiredService<ImapPoller>();
        var requests = Server.TokenRequests;
        async Task<MailboxHealthView> HealthAsync() => (await client.GetAsync<MailboxView>($"/api/v1/mailboxes/{mailbox.Id}")).Health;
        async Task<string> WorkerPassAsync() => (await Assert.ThrowsAnyAsync<Exception>(() => imap.FetchOnceAsync(mailbox.Id, CancellationToken.None))).Message;
        TimeSpan Wait(MailboxHealthView health) => health.NextFetchAttemptAt!.Value - app.Clock.GetUtcNow().UtcDateTime;

        var checkedNow = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();

        Assert.Contains("invalid_grant", checkedNow.Error, StringComparison.Ordinal);
        Assert.Equal(requests + 1, Server.TokenRequests);
        var health = await HealthAsync();
        Assert.Equal(("error", TimeSpan.FromSeconds(30)), (health.Status, Wait(health)));

        // The worker's next pass, ten seconds later, does not ask the provider again.
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Contains("next attempt", await WorkerPassAsync(), StringComparison.Ordinal);
        Assert.Equal(requests + 1, Server.TokenRequests);

        // Once the wait is over it asks, fails, and waits twice as long; the wait doubles up to an hour.
        app.Clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Contains("invalid_grant", await WorkerPassAsync(), StringComparison.Ordinal);
        Assert.Equal((requests + 2, TimeSpan.FromMinutes(1)), (Server.TokenRequests, Wait(await HealthAsync())));
        for (var pass = 0; pass < 8; pass++)
        {
            app.Clock.Advance(Wait(await HealthAsync()));
            await WorkerPassAsync();
        }

        Assert.Equal((requests + 10, TimeSpan.FromHours(1)), (Server.TokenRequests, Wait(await HealthAsync())));

        // "Check now" asks at once, waiting or not.
        var checkedAgain = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();
        Assert.Contains("invalid_grant", checkedAgain.Error, StringComparison.Ordinal);
        Assert.Equal((requests + 11, TimeSpan.FromSeconds(30)), (Server.TokenRequests, Wait(await HealthAsync())));

        // New credentials end the wait, and the mailbox reads its mail again.
        var renewed = await client.PutAsJsonAsync($"/api/v1/mailboxes/{mailbox.Id}", new { address, displayName = "Lumen Support", inbound = Inbound(RefreshFlow(Server.NewRefreshToken())) });
        renewed.EnsureSuccessStatusCode();
        Assert.Null((await HealthAsync()).NextFetchAttemptAt);
        var committed = await imap.FetchOnceAsync(mailbox.Id, CancellationToken.None);
        Assert.Equal(1, committed);
        Assert.Equal(requests + 12, Server.TokenRequests);
    }

    [Fact]
    public async Task An_access_token_the_provider_revoked_is_refused_by_the_server_and_shows_as_the_last_error()
    {
        var client = await app.ClientAsync();
        var mailbox = await client.CreateMailboxAsync($"static-{Guid.NewGuid():N}@helpdesk.test", Inbound(new { accessToken = Server.NewAccessToken() }));
        await DeliverAsync($"lucia-{Guid.NewGuid():N}@example.test", "Forno", "Il forno non scalda.");
        var before = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();

        var stored = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync(m => m.Id == mailbox.Id));
        var token = app.Services.GetRequiredService<MailboxSecrets>().Unprotect(stored.InboundOAuth.AccessToken);
        Server.RevokeAll();
        var after = await (await client.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", new { })).ReadAsync<FetchResult>();

        Assert.Equal((1, (string?)null), (before.Committed, before.Error));
        Assert.StartsWith("Login refused", after.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(token!, after.Error, StringComparison.Ordinal);
        var health = (await client.GetAsync<MailboxView>($"/api/v1/mailboxes/{mailbox.Id}")).Health;
        Assert.Equal("error", health.Status);
        Assert.StartsWith("Login refused", health.LastError, StringComparison.Ordinal);
    }

    public sealed class App : KalingaApp
    {
        private OAuthServer? server;

        public OAuthServer OAuth => server ?? throw new InvalidOperationException("Not initialized yet.");

        public override async ValueTask InitializeAsync()
        {
            server = await OAuthServer.StartAsync();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        public async Task DispatchAllAsync()
        {
            var dispatcher = Services.GetRequiredService<EventDispatcher>();
            while (await dispatcher.RunOnceAsync(default) > 0)
            {
            }
        }
    }
}
