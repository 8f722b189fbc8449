using System.Net;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.Portal;

public sealed class SignInTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task A_sign_in_link_signs_in_once_and_only_its_hash_is_stored()
    {
        var client = await app.ClientAsync();
        await client.CreateTicketAsync(subject: "Fridge noise", email: "nina@example.test", channel: "web");
        var portal = PortalClient.For(app);

        await portal.SubmitAsync("/requests/sign-in", "link", new Dictionary<string, string> { ["Email"] = "NINA@example.test" });
        var link = await app.SignInLinkAsync("nina@example.test");
        var secret = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var confirm = await portal.PageAsync(link);
        var signedIn = await portal.SubmitAsync(link, "redeem", new Dictionary<string, string>());
        var requests = await signedIn.Content.ReadAsStringAsync();
        var again = await PortalClient.For(app).PageAsync(link);

        Assert.Contains("Press the button to sign in", confirm, StringComparison.Ordinal);
        Assert.Contains("Fridge noise", requests, StringComparison.Ordinal);
        Assert.Contains("has expired or was already used", again, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.SignInLinks.AnyAsync(l => l.Hash == secret)));
        Assert.True(await app.WithDbAsync(db => db.SignInLinks.AnyAsync(l => l.Hash == Kalinga.Customers.Auth.SignInLink.HashOf(secret))));
    }

    [Fact]
    public async Task A_link_older_than_fifteen_minutes_no_longer_works()
    {
        var client = await app.ClientAsync();
        await client.CreateTicketAsync(subject: "Old link", email: "late@example.test", channel: "web");
        var portal = PortalClient.For(app);
        await portal.SubmitAsync("/requests/sign-in", "link", new Dictionary<string, string> { ["Email"] = "late@example.test" });
        var link = await app.SignInLinkAsync("late@example.test");

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var page = await portal.PageAsync(link);

        Assert.Contains("has expired or was already used", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail_is_queued()
    {
        var portal = PortalClient.For(app);

        var response = await portal.SubmitAsync("/requests/sign-in", "link", new Dictionary<string, string> { ["Email"] = "stranger@example.test" });

        Assert.Contains("If that address is known to us", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.PortalMail.AnyAsync(m => m.To == "stranger@example.test")));
    }

    [Fact]
    public async Task The_link_mail_waits_in_the_outbox_until_an_e_mail_channel_can_send_it()
    {
        var client = await app.ClientAsync();
        await client.CreateTicketAsync(subject: "Outbox", email: "queued@example.test", channel: "web", extra: new { language = "it" });
        var portal = PortalClient.For(app);
        await portal.SubmitAsync("/requests/sign-in?culture=it", "link", new Dictionary<string, string> { ["Email"] = "queued@example.test" });

        await app.DeliverEventsAsync();
        var mail = await app.WithDbAsync(db => db.PortalMail.SingleAsync(m => m.To == "queued@example.test"));

        Assert.Null(mail.SentAt);
        Assert.Equal(1, mail.Attempts);
        Assert.Contains("No mailbox with SMTP settings", mail.LastError, StringComparison.Ordinal);
        Assert.Equal("Il tuo link di accesso all'assistenza Lumen Home", mail.Subject);
    }

    [Fact]
    public async Task A_customer_with_a_password_signs_in_without_a_link_and_five_wrong_tries_lock_it()
    {
        var client = await app.ClientAsync();
        await client.CreateTicketAsync(subject: "Password", email: "pat@example.test", channel: "web");
        var portal = PortalClient.For(app);
        await portal.SubmitAsync("/requests/sign-in", "link", new Dictionary<string, string> { ["Email"] = "pat@example.test" });
        await portal.SubmitAsync(await app.SignInLinkAsync("pat@example.test"), "redeem", new Dictionary<string, string>());
        await portal.SubmitAsync("/requests/account", "password", new Dictionary<string, string> { ["Password"] = "a long portal password" });

        var fresh = PortalClient.For(app);
        var ok = await fresh.SubmitAsync("/requests/sign-in", "password", new Dictionary<string, string> { ["Email"] = "pat@example.test", ["Password"] = "a long portal password" });
        var stranger = PortalClient.For(app);
        for (var i = 0; i < 5; i++)
        {
            await stranger.SubmitAsync("/requests/sign-in", "password", new Dictionary<string, string> { ["Email"] = "pat@example.test", ["Password"] = "guess " + i });
        }

        var locked = await stranger.SubmitAsync("/requests/sign-in", "password", new Dictionary<string, string> { ["Email"] = "pat@example.test", ["Password"] = "a long portal password" });

        Assert.Contains("Password", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("My requests", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Too many wrong passwords", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
