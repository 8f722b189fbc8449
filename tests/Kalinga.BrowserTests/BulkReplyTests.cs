using Kalinga.BrowserTests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

[Collection(WorkspaceCollection.Name)]
public sealed class BulkReplyTests(WorkspaceApp app)
{
    [Fact]
    public async Task An_agent_selects_two_tickets_in_a_saved_filter_and_answers_both_at_once()
    {
        var first = await app.NewTicketAsync("Power cut in Makati", "No electricity since 8am", "bulk.one@example.test");
        var second = await app.NewTicketAsync("Outage near Ayala", "Our store is dark", "bulk.two@example.test", channel: "web");
        var page = await app.SignInAsync(WorkspaceApp.Emma);

        await page.GetByRole(AriaRole.Link, new() { Name = "Filter tickets…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show tickets" }).ClickAsync();
        await page.GetByLabel($"Select ticket {first.Number}").CheckAsync();
        await page.GetByLabel($"Select ticket {second.Number}").CheckAsync();
        await Assertions.Expect(page.GetByText("2 selected")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Reply to all selected" }).ClickAsync();
        await page.Locator("#bulk-reply-text").FillAsync("The power is back since 10:40. Sorry for the trouble!");
        await page.Locator("#bulk-reply-status").SelectOptionAsync("Pending");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to 2 tickets" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-report")).ToContainTextAsync("Done for 2 tickets.");

        foreach (var number in new[] { first.Number, second.Number })
        {
            var ticket = await app.InScopeAsync(sp => sp.GetRequiredService<GetTicket>().HandleAsync(number, CancellationToken.None));
            Assert.Equal(TicketStatus.Pending, ticket!.Status);
            Assert.Equal("The power is back since 10:40. Sorry for the trouble!", ticket.Messages[^1].Text);
        }
    }
}
