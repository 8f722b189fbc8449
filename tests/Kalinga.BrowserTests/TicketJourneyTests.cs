using Kalinga.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

[Collection(WorkspaceCollection.Name)]
public sealed class TicketJourneyTests(WorkspaceApp app)
{
    [Fact]
    public async Task An_agent_opens_a_view_and_a_ticket_then_replies_notes_assigns_and_solves()
    {
        var ticket = await app.NewTicketAsync("Dishwasher shows error E24", "The dishwasher stops with E24 and water stays inside.", "nora.journey@example.test");
        var page = await app.SignInAsync(WorkspaceApp.Emma);

        await page.GetByRole(AriaRole.Link, new() { Name = "Unassigned" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Dishwasher shows error E24" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"#{ticket.Number} Dishwasher shows error E24" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = "/tmp/ws/ticket.png", FullPage = true });

        await page.Locator("#composer-text").FillAsync("Hello Nora, please clean the **filter** at the bottom.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await page.Locator(".k-message-out strong", new() { HasText = "filter" }).WaitForAsync();

        await page.Keyboard.PressAsync("Escape");
        await page.Locator("body").PressAsync("n");
        await page.Locator("#composer-text").FillAsync("Known issue with the E24 pump, see @jose");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await page.Locator(".k-message-note", new() { HasText = "Known issue with the E24 pump" }).WaitForAsync();

        await page.Locator("body").PressAsync("a");
        await Assertions.Expect(page.GetByTestId("ticket-assignee")).ToHaveTextAsync("Emma Clarke");

        await page.Locator("body").PressAsync("s");
        await Assertions.Expect(page.GetByTestId("ticket-status")).ToHaveTextAsync("Solved");
        await page.ScreenshotAsync(new() { Path = "/tmp/ws/ticket2.png", FullPage = true });
    }
}
