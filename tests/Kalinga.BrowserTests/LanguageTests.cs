using Kalinga.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

[Collection(WorkspaceCollection.Name)]
public sealed class LanguageTests(WorkspaceApp app)
{
    [Fact]
    public async Task An_agent_switches_to_filipino_polish_and_italian_and_the_workspace_follows()
    {
        var ticket = await app.NewTicketAsync("Nasira ang washing machine", "Hindi umiikot ang washing machine namin.", "lang.switch@example.test", language: "fil");
        var page = await app.SignInAsync(WorkspaceApp.Jose);

        // Jose works in Filipino: his stored language is applied when he signs in.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Aking mga bukas na ticket" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Walang naka-assign" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nasira ang washing machine" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ipadala ang sagot" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("ticket-status")).ToHaveTextAsync("Bago");

        await page.Locator("#k-lang").SelectOptionAsync("pl");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Wyślij odpowiedź" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nieprzypisane" })).ToBeVisibleAsync();
        Assert.Equal("pl", await page.Locator("html").GetAttributeAsync("lang"));

        await page.Locator("#k-lang").SelectOptionAsync("it");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Invia risposta" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Dettagli del ticket", new() { Exact = true })).ToBeVisibleAsync();

        // Dates follow the language: Italian writes day/month/year with a 24-hour clock.
        var opened = await page.Locator(".k-ticket-meta .k-muted").InnerTextAsync();
        Assert.Matches(@"aperto il \d{2}/\d{2}/\d{4} \d{2}:\d{2}", opened);

        var stored = await app.WithDbAsync(db => db.Agents.Where(a => a.Email == WorkspaceApp.Jose).Select(a => a.UiLanguage).SingleAsync());
        Assert.Equal("it", stored);

        // The choice follows the agent to a new browser.
        var elsewhere = await app.SignInAsync(WorkspaceApp.Jose);
        await Assertions.Expect(elsewhere.GetByRole(AriaRole.Link, new() { Name = "I miei ticket aperti" })).ToBeVisibleAsync();
        await elsewhere.Locator("#k-lang").SelectOptionAsync("fil");
        await Assertions.Expect(elsewhere.GetByRole(AriaRole.Link, new() { Name = "Aking mga bukas na ticket" })).ToBeVisibleAsync();
    }
}
