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

    [Fact]
    public async Task An_admin_creates_a_calendar_with_split_hours_and_holidays_and_an_sla_policy_that_runs_on_it()
    {
        var page = await app.SignInAsync(WorkspaceApp.Admin);
        await page.GotoAsync("/agent/admin/calendars");
        await page.GetByRole(AriaRole.Heading, new() { Name = "New calendar" }).WaitForAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Kraków office");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Warsaw");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add opening hours on Monday" }).ClickAsync();
        await page.GetByLabel("Monday from").Nth(1).FillAsync("18:00");
        await page.GetByLabel("Monday until").Nth(1).FillAsync("20:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a holiday" }).ClickAsync();
        await page.Locator("#holiday-0-date").FillAsync("2026-12-24");
        await page.Locator("#holiday-0-name").FillAsync("Wigilia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Calendar: Kraków office" }).WaitForAsync();
        var calendarId = page.Url.Split('/').Last();

        await page.Locator("#preview-from").FillAsync("2026-11-30T16:00");
        await page.Locator("#preview-hours").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compute" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("business-time")).ToContainTextAsync("Monday 11/30/2026 8:00 PM");

        await page.Locator("#ics-file").SetInputFilesAsync(new FilePayload
        {
            Name = "poland-2027.ics",
            MimeType = "text/calendar",
            Buffer = System.Text.Encoding.UTF8.GetBytes(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:ny-2027\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:Nowy Rok\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
        });
        await Assertions.Expect(page.GetByText("Read 1 holidays, added 1.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#holiday-1-name")).ToHaveValueAsync("Nowy Rok");

        await page.GotoAsync("/agent/admin/sla");
        await page.GetByRole(AriaRole.Heading, new() { Name = "New policy" }).WaitForAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Kraków e-mail");
        await page.GetByLabel("Business calendar").SelectOptionAsync(new SelectOptionValue { Label = "Kraków office" });
        await page.GetByRole(AriaRole.Group, new() { Name = "Channel" }).GetByLabel("E-mail").CheckAsync();
        await page.Locator("#target-0-FirstResponse").FillAsync("4");
        await page.Locator("#target-0-Resolution").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Policy: Kraków e-mail" }).WaitForAsync();

        await Assertions.Expect(page.Locator("#sla-calendar")).ToHaveValueAsync(calendarId);
        await Assertions.Expect(page.Locator("#target-0-FirstResponse")).ToHaveValueAsync("4");
        await Assertions.Expect(page.Locator(".k-admin-list li").Last).ToContainTextAsync("Kraków e-mail");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Kraków e-mail up" }).ClickAsync();
        await Assertions.Expect(page.Locator(".k-admin-list li").Last).Not.ToContainTextAsync("Kraków e-mail");
        await Assertions.Expect(page.GetByTestId("config-history")).ToContainTextAsync("Maria Santos");

        await page.GotoAsync($"/agent/admin/calendars/{calendarId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("the SLA policy “Kraków e-mail” uses it");
    }
}
