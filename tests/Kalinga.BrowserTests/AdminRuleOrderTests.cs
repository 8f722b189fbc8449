using Kalinga.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

[Collection(WorkspaceCollection.Name)]
public sealed class AdminRuleOrderTests(WorkspaceApp app)
{
    [Fact]
    public async Task On_a_phone_an_admin_moves_a_trigger_up_with_the_keyboard_and_the_list_shows_the_new_order()
    {
        var page = await app.SignInAsync(WorkspaceApp.Admin, width: 375, height: 800);
        await page.GotoAsync("/agent/admin/rules");
        var triggers = page.Locator("ol[data-kind='Trigger'] > li > a");
        await Assertions.Expect(triggers.Nth(1)).ToBeVisibleAsync();
        var first = await triggers.Nth(0).InnerTextAsync();
        var second = await triggers.Nth(1).InnerTextAsync();

        var up = page.GetByRole(AriaRole.Button, new() { Name = $"Move {second} up", Exact = true });
        var box = await up.BoundingBoxAsync();
        Assert.True(box is { X: >= 0 } && box.X + box.Width <= 375, $"The button is outside the 375 px screen: {box?.X}+{box?.Width}");
        await up.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(triggers.Nth(0)).ToHaveTextAsync(second);
        await Assertions.Expect(triggers.Nth(1)).ToHaveTextAsync(first);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Move {second} up", Exact = true })).ToBeDisabledAsync();
        await page.ReloadAsync();
        await Assertions.Expect(triggers.Nth(0)).ToHaveTextAsync(second);
    }

    [Fact]
    public async Task A_polish_admin_saving_opening_hours_that_end_before_they_start_reads_why_in_polish()
    {
        var before = await app.WithDbAsync(db => db.Agents.Where(a => a.Email == WorkspaceApp.Admin).Select(a => a.UiLanguage).SingleAsync());
        await app.WithDbAsync(db => db.Agents.Where(a => a.Email == WorkspaceApp.Admin).ExecuteUpdateAsync(s => s.SetProperty(a => a.UiLanguage, "pl")));
        try
        {
            var page = await app.SignInAsync(WorkspaceApp.Admin);
            await page.GotoAsync("/agent/admin/calendars");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Nowy kalendarz" }).WaitForAsync();

            await page.Locator("#cal-name").FillAsync("Biuro w Gdańsku");
            await page.Locator("#period-0-from").FillAsync("18:00");
            await page.Locator("#period-0-to").FillAsync("09:00");
            await page.Locator("form[aria-labelledby='calendar-editor-title'] button[type=submit]").ClickAsync();

            await Assertions.Expect(page.Locator("[data-error-for='hours[0].to']")).ToHaveTextAsync("Okres kończy się po swoim początku, tego samego dnia.");
        }
        finally
        {
            await app.WithDbAsync(db => db.Agents.Where(a => a.Email == WorkspaceApp.Admin).ExecuteUpdateAsync(s => s.SetProperty(a => a.UiLanguage, before)));
        }
    }
}
