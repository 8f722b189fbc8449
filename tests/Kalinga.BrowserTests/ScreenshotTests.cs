using Kalinga.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

/// <summary>
/// The pictures in README and docs/screenshots, taken from the demo company. Every run walks the main pages and checks
/// each picture was taken; KALINGA_SCREENSHOTS names the folder to keep them in
/// (<c>KALINGA_SCREENSHOTS=docs/screenshots dotnet test tests/Kalinga.BrowserTests --filter Screenshots</c>), else a temporary one.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed class ScreenshotTests(WorkspaceApp app)
{
    private static readonly string Folder = Environment.GetEnvironmentVariable("KALINGA_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Directory.CreateTempSubdirectory("kalinga-screenshots-").FullName;

    [Fact]
    public async Task Screenshots_of_the_main_pages()
    {
        Directory.CreateDirectory(Folder);

        var signIn = await app.NewPageAsync();
        await signIn.GotoAsync("/agent/sign-in");
        await ShotAsync(signIn, "sign-in");

        var page = await app.SignInAsync(WorkspaceApp.Emma);
        await page.GetByRole(AriaRole.Link, new() { Name = "All open" }).ClickAsync();
        await page.Locator(".k-tickets tbody tr").First.WaitForAsync();
        await ShotAsync(page, "view");

        await page.Locator(".k-tickets tbody tr input[type=checkbox]").Nth(0).CheckAsync();
        await page.Locator(".k-tickets tbody tr input[type=checkbox]").Nth(1).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reply to all selected" }).ClickAsync();
        await ShotAsync(page, "bulk-reply");

        await page.GetByRole(AriaRole.Link, new() { Name = "My open tickets" }).ClickAsync();
        await page.Locator(".k-tickets tbody tr a").First.ClickAsync();
        await page.Locator(".k-message").First.WaitForAsync();
        await ShotAsync(page, "ticket", fullPage: true);

        await page.Locator("body").PressAsync("m");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Type to filter the macros" }).FillAsync("order");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Type to filter the macros" }).PressAsync("Enter");
        await page.GetByTestId("macro-preview").WaitForAsync();
        await ShotAsync(page, "macro-picker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Back to the list" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");

        await page.Locator(".k-customer-name a").ClickAsync();
        await page.Locator(".k-tickets tbody tr").First.WaitForAsync();
        await ShotAsync(page, "customer");

        var admin = await app.SignInAsync(WorkspaceApp.Admin);
        await admin.GotoAsync("/agent/admin/agents");
        await admin.Locator(".k-table tbody tr").First.WaitForAsync();
        await ShotAsync(admin, "admin-agents");

        await admin.GotoAsync("/agent/admin/rules");
        await admin.Locator(".k-admin-list a").First.ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Rule: ") }).WaitForAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
        await admin.GetByTestId("dry-run").WaitForAsync();
        await ShotAsync(admin, "admin-rules");

        await admin.GotoAsync("/agent/admin/sla");
        await admin.Locator(".k-admin-list a").First.ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Policy: ") }).WaitForAsync();
        await ShotAsync(admin, "admin-sla");

        await admin.GotoAsync("/agent/admin/calendars");
        await admin.Locator(".k-admin-list a").First.ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Calendar: ") }).WaitForAsync();
        await ShotAsync(admin, "admin-calendars");

        await admin.GotoAsync("/agent/admin/macros");
        await admin.Locator(".k-admin-list a").First.ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Macro: ") }).WaitForAsync();
        await ShotAsync(admin, "admin-macros");

        await admin.GotoAsync("/agent/admin/routing");
        await admin.Locator(".k-table tbody tr").First.WaitForAsync();
        await ShotAsync(admin, "admin-routing");

        var phoneAdmin = await app.SignInAsync(WorkspaceApp.Admin, width: 375, height: 760);
        await phoneAdmin.GotoAsync("/agent/admin/rules");
        await phoneAdmin.GetByRole(AriaRole.Heading, new() { Name = "New rule" }).WaitForAsync();
        await ShotAsync(phoneAdmin, "phone-admin-rules");

        var polish = await app.SignInAsync(WorkspaceApp.Emma);
        await polish.Locator("#k-lang").SelectOptionAsync("pl");
        await polish.GetByRole(AriaRole.Link, new() { Name = "Wszystkie otwarte" }).ClickAsync();
        await polish.Locator(".k-tickets tbody tr a").First.ClickAsync();
        await polish.Locator(".k-message").First.WaitForAsync();
        await ShotAsync(polish, "ticket-pl");
        await polish.Locator("#k-lang").SelectOptionAsync("en");
        await polish.GetByRole(AriaRole.Link, new() { Name = "My open tickets" }).WaitForAsync();

        var phone = await app.SignInAsync(WorkspaceApp.Emma, width: 375, height: 760);
        await phone.Locator(".k-tickets tbody tr").First.WaitForAsync();
        await ShotAsync(phone, "phone-view");
        await phone.Locator(".k-tickets tbody tr a").First.ClickAsync();
        await phone.Locator(".k-message").First.WaitForAsync();
        await ShotAsync(phone, "phone-ticket");
    }

    private static async Task ShotAsync(IPage page, string name, bool fullPage = false)
    {
        await page.WaitForTimeoutAsync(300);
        var file = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = fullPage });
        Assert.True(new FileInfo(file).Length > 10_000, $"{name}.png looks empty");
    }
}
