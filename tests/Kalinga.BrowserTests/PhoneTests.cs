using Kalinga.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

[Collection(WorkspaceCollection.Name)]
public sealed class PhoneTests(WorkspaceApp app)
{
    [Fact]
    public async Task On_a_375_px_phone_an_agent_finds_a_ticket_through_the_menu_and_answers_it_without_sideways_scrolling()
    {
        var ticket = await app.NewTicketAsync("Oven door will not close", "The hinge snapped this morning.", "phone.user@example.test");
        var page = await app.SignInAsync(WorkspaceApp.Emma, width: 375, height: 740);

        await Assertions.Expect(page.Locator("#k-nav")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Unassigned" }).ClickAsync();
        await Assertions.Expect(page.Locator("#k-nav")).ToBeHiddenAsync();
        await NoSidewaysScrollAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Oven door will not close" }).ClickAsync();
        await page.Locator("#composer-text").FillAsync("We will send a technician tomorrow.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.Locator(".k-message-out", new() { HasText = "We will send a technician tomorrow." })).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(page);
        Assert.True((await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).BoundingBoxAsync())!.Height >= 44, "Touch targets are at least 44 px high.");
        Assert.Equal(ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), (await page.Locator("h1 .k-number").InnerTextAsync()).TrimStart('#'));
    }

    private static async Task NoSidewaysScrollAsync(IPage page)
    {
        var widest = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className).slice(0, 5).join(', ')");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"The page scrolls sideways at 375 px: {widest}");
    }
}
