using Kalinga.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

[Collection(WorkspaceCollection.Name)]
public sealed class AdminAutomationTests(WorkspaceApp app)
{
    [Fact]
    public async Task An_admin_writes_a_rule_and_its_dry_run_lists_the_ticket_it_would_touch()
    {
        var ticket = await app.NewTicketAsync("Pralka Zefir cieknie od spodu", "Woda pod pralką po każdym praniu.", "dry.run@example.test", language: "pl");
        await app.NewTicketAsync("Suszarka Zefir nie grzeje", "Suszarka jest zimna.", "dry.run@example.test", language: "pl");
        var page = await app.SignInAsync(WorkspaceApp.Admin);
        await page.GotoAsync("/agent/admin/rules");
        await page.GetByRole(AriaRole.Heading, new() { Name = "New rule" }).WaitForAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Leaking Zefir washers");
        await page.Locator("#cond-all-0-field").SelectOptionAsync("subject");
        await page.Locator("#cond-all-0-op").SelectOptionAsync("contains");
        await page.Locator("#cond-all-0-value").FillAsync("pralka zefir");
        await page.Locator("#action-0-tags").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for='actions[0].tags']")).ToContainTextAsync("1 to 20 tags");

        await page.Locator("#action-0-tags").FillAsync("washer, leak");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Rule: Leaking Zefir washers" }).WaitForAsync();
        await Assertions.Expect(page.GetByTestId("config-history")).ToContainTextAsync("Maria Santos");

        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        var result = page.GetByTestId("dry-run");
        await Assertions.Expect(result.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(result.Locator("tbody tr")).ToContainTextAsync($"#{ticket.Number}");
        await Assertions.Expect(result.Locator("tbody tr")).ToContainTextAsync("Pralka Zefir cieknie od spodu");
    }
}
