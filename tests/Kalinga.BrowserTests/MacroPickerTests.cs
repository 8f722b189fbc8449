using Kalinga.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

[Collection(WorkspaceCollection.Name)]
public sealed class MacroPickerTests(WorkspaceApp app)
{
    [Fact]
    public async Task An_agent_applies_a_macro_from_the_keyboard_reviews_the_polish_reply_and_sends_it()
    {
        var ticket = await app.NewTicketAsync("Zwrot za suszarkę", "Proszę o zwrot pieniędzy za suszarkę.", "zofia.macro@example.test", language: "pl");
        var page = await app.SignInAsync(WorkspaceApp.Emma);
        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        await page.GetByRole(AriaRole.Heading, new() { Name = $"#{ticket.Number} Zwrot za suszarkę" }).WaitForAsync();
        // The heading is there from the prerender already; keys count once the page is live.
        await page.Locator("html[data-shortcuts=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.Locator("body").PressAsync("m");
        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Type to filter the macros" });
        await search.FillAsync("refund");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option)).ToContainTextAsync("Refund approved");
        await search.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("macro-preview")).ToContainTextAsync($"zatwierdziliśmy zwrot pieniędzy w sprawie zgłoszenia {ticket.Number}");
        await Assertions.Expect(page.GetByText("Reply (Polish)")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#composer-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("zatwierdziliśmy zwrot pieniędzy"));
        await Assertions.Expect(page.GetByTestId("ticket-status")).ToHaveTextAsync("Solved");
        await Assertions.Expect(page.Locator(".k-fields .k-tag", new() { HasText = "refund" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".k-message-out")).ToHaveCountAsync(0);

        await page.Locator("#composer-text").PressAsync("Control+End");
        await page.Locator("#composer-text").PressSequentiallyAsync(" PS: dziękujemy za cierpliwość.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

        var sent = page.Locator(".k-message-out");
        await Assertions.Expect(sent).ToContainTextAsync($"zatwierdziliśmy zwrot pieniędzy w sprawie zgłoszenia {ticket.Number}");
        await Assertions.Expect(sent).ToContainTextAsync("PS: dziękujemy za cierpliwość.");
        await Assertions.Expect(sent).ToContainTextAsync("Emma Clarke, Lumen Home");
    }
}
