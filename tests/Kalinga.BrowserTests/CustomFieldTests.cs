using System.Text.RegularExpressions;
using Kalinga.BrowserTests.Infrastructure;
using Kalinga.CustomFields;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

[Collection(WorkspaceCollection.Name)]
public sealed class CustomFieldTests(WorkspaceApp app)
{
    [Fact]
    public async Task An_admin_defines_a_dropdown_and_an_agent_sets_it_on_a_ticket_where_it_stays_after_a_reload()
    {
        var ticket = await app.NewTicketAsync("Washer drains slowly", "The water takes an hour to drain.", "drain.slow@example.test");
        var admin = await app.SignInAsync(WorkspaceApp.Admin);

        await admin.GotoAsync("/agent/admin/fields");
        await admin.Locator("#cf-key").FillAsync("fault_area");
        await admin.Locator("#cf-label-en").FillAsync("Fault area");
        await admin.Locator("#cf-label-pl").FillAsync("Obszar usterki");
        await admin.Locator("#cf-type").SelectOptionAsync(new SelectOptionValue { Label = "Dropdown" });
        await admin.Locator("#cf-option-value-0").FillAsync("door");
        await admin.Locator("#cf-option-label-0-en").FillAsync("Door seal");
        await admin.Locator("#cf-add-option").ClickAsync();
        await admin.Locator("#cf-option-value-1").FillAsync("pump");
        await admin.Locator("#cf-option-label-1-en").FillAsync("Drain pump");
        await admin.Locator("#cf-option-label-1-pl").FillAsync("Pompa odpływowa");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(admin.Locator("tr[data-field=fault_area] td").First).ToHaveTextAsync("Fault area");

        var agent = await app.SignInAsync(WorkspaceApp.Emma);
        await agent.GotoAsync($"/agent/tickets/{ticket.Number}");
        var field = agent.GetByLabel("Fault area");
        await field.SelectOptionAsync(new SelectOptionValue { Label = "Drain pump" });
        await agent.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^History") }).ClickAsync();
        await Assertions.Expect(agent.Locator(".k-event", new() { HasText = "Fault area: Drain pump" })).ToBeVisibleAsync();
        await agent.ReloadAsync();

        await Assertions.Expect(agent.GetByLabel("Fault area")).ToHaveValueAsync("pump");
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<Kalinga.Data.KalingaDb>().Tickets.SingleAsync(t => t.Number == ticket.Number));
        Assert.Equal("pump", stored.CustomFields["fault_area"]);
    }

    [Fact]
    public async Task Solving_a_ticket_with_an_empty_required_field_says_so_beside_the_field()
    {
        var ticket = await app.NewTicketAsync("Oven door will not close", "The oven door springs open.", "oven.door@example.test");
        await app.InScopeAsync(sp => sp.GetRequiredService<SaveCustomField>().CreateAsync(
            new CreateCustomFieldRequest("repair_reference", new Dictionary<string, string?> { ["en"] = "Repair reference", ["pl"] = "Numer naprawy" }, RequiredOnSolve: true),
            CancellationToken.None));
        try
        {
            var agent = await app.SignInAsync(WorkspaceApp.Emma);
            await agent.GotoAsync($"/agent/tickets/{ticket.Number}");

            await agent.GetByRole(AriaRole.Button, new() { Name = "Solve" }).ClickAsync();
            await Assertions.Expect(agent.Locator("#cf-repair_reference-error")).ToHaveTextAsync("Fill in “Repair reference” before solving the ticket.");
            await Assertions.Expect(agent.GetByTestId("ticket-status")).Not.ToHaveTextAsync("Solved");

            await agent.Locator("#cf-repair_reference").FillAsync("RR-1042");
            await agent.Locator("#cf-repair_reference").BlurAsync();
            await agent.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^History") }).ClickAsync();
            await Assertions.Expect(agent.Locator(".k-event", new() { HasText = "Repair reference: RR-1042" })).ToBeVisibleAsync();
            await agent.GetByRole(AriaRole.Button, new() { Name = "Solve" }).ClickAsync();
            await Assertions.Expect(agent.GetByTestId("ticket-status")).ToHaveTextAsync("Solved");
        }
        finally
        {
            // The demo is shared by the whole collection: other journeys solve tickets without this field.
            await app.InScopeAsync(sp => sp.GetRequiredService<SaveCustomField>().UpdateAsync("repair_reference", new UpdateCustomFieldRequest(Active: false), CancellationToken.None));
        }
    }
}
