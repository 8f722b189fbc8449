using Kalinga.BrowserTests.Infrastructure;
using Kalinga.Channels.Email;
using Kalinga.Data;
using Kalinga.Tests.Channels.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

/// <summary>The mailbox admin page against the loopback Dovecot of scripts/test-services.sh.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class MailboxAdminTests(WorkspaceApp app)
{
    [Fact]
    public async Task An_admin_adds_an_imap_mailbox_checks_it_now_and_sees_its_health_while_no_secret_reaches_the_page()
    {
        var folder = $"kalinga-browser-{Guid.NewGuid():N}";
        var address = $"browser-{Guid.NewGuid():N}@helpdesk.test";
        var message = MailServers.Message($"carla-{Guid.NewGuid():N}@example.test", MailServers.Support.User, "Printer jams", "The paper jams on every page.");
        await MailServers.SendAsync(message);
        await MailServers.MoveArrivedAsync(MailServers.Support, [message.MessageId!], folder);
        try
        {
            var page = await app.SignInAsync(WorkspaceApp.Admin);
            await page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Mailboxes", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add mailbox" }).ClickAsync();

            await page.GetByLabel("Address", new() { Exact = true }).FillAsync(address);
            await page.GetByLabel("Display name").FillAsync("Browser Help");
            var receiving = page.GetByRole(AriaRole.Group, new() { Name = "Receiving (IMAP or POP3)" });
            await receiving.GetByLabel("Server").FillAsync(MailServers.Imap.Host);
            await receiving.GetByLabel("Port").FillAsync(MailServers.Imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await receiving.GetByLabel("Security").SelectOptionAsync(new SelectOptionValue { Label = "None (trusted network only)" });
            await receiving.GetByLabel("User name").FillAsync(MailServers.Support.User);
            await receiving.GetByLabel("Password").FillAsync(MailServers.Support.Password);
            await receiving.GetByLabel("Folder", new() { Exact = true }).FillAsync(folder);
            await page.GetByLabel("Send replies from this mailbox").UncheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("mailbox-notice")).ToHaveTextAsync($"Mailbox {address} saved.");

            var row = page.GetByTestId("mailbox-row").Filter(new() { HasText = address });
            await Assertions.Expect(row.GetByTestId("mailbox-health")).ToContainTextAsync("Not checked yet");
            await Assertions.Expect(row.GetByTestId("mailbox-last-fetch")).ToHaveTextAsync("—");
            await row.GetByRole(AriaRole.Button, new() { Name = $"Check {address} now" }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("mailbox-notice")).ToHaveTextAsync($"{address} checked: 1 new messages fetched.");
            await Assertions.Expect(row.GetByTestId("mailbox-health")).ToHaveTextAsync("OK");
            await Assertions.Expect(row.GetByTestId("mailbox-last-fetch")).Not.ToHaveTextAsync("—");
            var subject = await app.InScopeAsync(sp => sp.GetRequiredService<KalingaDb>().Tickets
                .Where(t => t.Messages.Any(m => m.ExternalId == "<" + message.MessageId + ">")).Select(t => t.Subject).SingleAsync());
            Assert.Equal("Printer jams", subject);

            // Sending with OAuth2: the secrets typed in go to the database and never come back to the browser.
            var refreshToken = $"refresh-{Guid.NewGuid():N}";
            var clientSecret = $"client-{Guid.NewGuid():N}";
            await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {address}" }).ClickAsync();
            await page.GetByLabel("Send replies from this mailbox").CheckAsync();
            var sending = page.GetByRole(AriaRole.Group, new() { Name = "Sending (SMTP)" });
            await sending.GetByLabel("Server").FillAsync("smtp.office365.com");
            await sending.GetByLabel("User name").FillAsync(address);
            await sending.GetByLabel("Login").SelectOptionAsync(new SelectOptionValue { Label = "OAuth2 (Microsoft 365, Google Workspace)" });
            await sending.GetByLabel("Token endpoint URL").FillAsync("https://login.microsoftonline.com/contoso/oauth2/v2.0/token");
            await sending.GetByLabel("Client ID").FillAsync("kalinga-app");
            await sending.GetByLabel("Client secret").FillAsync(clientSecret);
            await sending.GetByLabel("Refresh token", new() { Exact = true }).FillAsync(refreshToken);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("mailbox-notice")).ToHaveTextAsync($"Mailbox {address} saved.");
            await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {address}" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Receiving (IMAP or POP3)" }).GetByLabel("Password")).ToHaveValueAsync("");
            await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Receiving (IMAP or POP3)" }).GetByLabel("Password"))
                .ToHaveAttributeAsync("placeholder", "Stored; leave empty to keep it");
            await Assertions.Expect(sending.GetByLabel("Refresh token", new() { Exact = true })).ToHaveValueAsync("");
            var html = await page.ContentAsync();
            Assert.DoesNotContain(refreshToken, html, StringComparison.Ordinal);
            Assert.DoesNotContain(clientSecret, html, StringComparison.Ordinal);
            var stored = await app.InScopeAsync(sp => sp.GetRequiredService<KalingaDb>().Mailboxes.AsNoTracking().SingleAsync(m => m.Address == address));
            var secrets = app.Services.GetRequiredService<MailboxSecrets>();
            Assert.Equal((refreshToken, clientSecret, MailServers.Support.Password),
                (secrets.Unprotect(stored.SmtpOAuth.RefreshToken), secrets.Unprotect(stored.SmtpOAuth.ClientSecret), secrets.Unprotect(stored.InboundSecret)));
            Assert.DoesNotContain($"value=\"{MailServers.Support.Password}\"", html, StringComparison.Ordinal);
        }
        finally
        {
            await MailServers.DeleteFolderAsync(folder);
        }
    }

    [Fact]
    public async Task On_a_phone_the_mailbox_list_fits_the_screen_and_deleting_asks_first()
    {
        var address = $"phone-{Guid.NewGuid():N}@helpdesk.test";
        await app.InScopeAsync(sp => sp.GetRequiredService<SaveMailbox>().HandleAsync(null, new MailboxRequest(address, "Phone Help"), CancellationToken.None));
        var page = await app.SignInAsync(WorkspaceApp.Admin, width: 375, height: 740);
        await page.GotoAsync("/agent/admin/mailboxes");
        var row = page.GetByTestId("mailbox-row").Filter(new() { HasText = address });
        await Assertions.Expect(row).ToBeVisibleAsync();

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at 375 px.");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {address}" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync($"Delete the mailbox {address}?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("mailbox-notice")).ToHaveTextAsync($"Mailbox {address} deleted.");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<KalingaDb>().Mailboxes.AnyAsync(m => m.Address == address)));
    }
}
