using System.Net;
using System.Text.RegularExpressions;
using Kalinga.Tests.Channels.Email;
using Kalinga.Tests.Infrastructure;
using MimeKit;

namespace Kalinga.Tests.Portal;

/// <summary>The portal's e-mails leave through a real mailbox: Postfix on loopback relays them to smtp-sink.</summary>
public sealed class PortalMailTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task The_receipt_and_the_sign_in_link_arrive_by_smtp_and_the_link_from_the_mail_signs_in()
    {
        var admin = await app.ClientAsync();
        await admin.CreateMailboxAsync($"portal-{Guid.NewGuid():N}@helpdesk.test", outbound: MailServers.SmtpSettings);
        var customer = $"kasia-{Guid.NewGuid():N}@example.test";
        var portal = PortalClient.For(app);

        var sent = await portal.SubmitAsync("/requests/new?culture=pl", "request", new Dictionary<string, string>
        {
            ["Email"] = customer, ["Name"] = "Kasia", ["Reason"] = "order", ["Subject"] = "Gdzie jest moja paczka?", ["Description"] = "Zamówienie LH-204913 nie dotarło.",
        });
        var number = Regex.Match(await sent.Content.ReadAsStringAsync(), @"#(\d+)").Groups[1].Value;
        await portal.SubmitAsync("/requests/sign-in?culture=pl", "link", new Dictionary<string, string> { ["Email"] = customer });
        await app.DeliverEventsAsync();

        var mails = await MailServers.SinkAsync(m => m.To.Mailboxes.Any(a => a.Address == customer), atLeast: 2);
        var receipt = Assert.Single(mails, m => (m.TextBody ?? "").Contains($"#{number}", StringComparison.Ordinal));
        var signIn = Assert.Single(mails, m => m.Subject == "Link do logowania w obsłudze klienta Lumen Home");
        var link = Regex.Match(signIn.TextBody ?? "", @"https?://[^/\s]+(/requests/sign-in/link\?token=[A-Za-z0-9_\-]+)").Groups[1].Value;
        var signedIn = await portal.SubmitAsync(link, "redeem", new Dictionary<string, string>());

        Assert.Equal("auto-generated", signIn.Headers["Auto-Submitted"]);
        Assert.Contains("Dzień dobry, Kasia", receipt.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("Gdzie jest moja paczka?", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.PortalMail, m => m.To == customer));
        Assert.NotNull(stored.SentAt);
        Assert.DoesNotContain("token=", stored.Text.Replace("token=…", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
