using Kalinga.BrowserTests.Infrastructure;
using Kalinga.Channels;
using Kalinga.Customers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

[Collection(WorkspaceCollection.Name)]
public sealed class LiveTests(WorkspaceApp app)
{
    [Fact]
    public async Task Two_agents_on_one_ticket_see_each_other_new_messages_and_a_warning_before_a_conflicting_reply()
    {
        var emma = await app.SignInAsync(WorkspaceApp.Emma);
        await emma.GetByRole(AriaRole.Link, new() { Name = "Unassigned" }).ClickAsync();

        // A new ticket arrives on a channel: it appears in the open list without a reload.
        var inbound = await app.InScopeAsync(sp => sp.GetRequiredService<ReceiveInbound>().HandleAsync(
            new InboundMessage(Channel.Email, new CustomerRef(Email: "live.customer@example.test", Name: "Lina Cruz"), "Fridge is warm", "Our fridge stopped cooling overnight."),
            CancellationToken.None));
        await emma.GetByRole(AriaRole.Link, new() { Name = "Fridge is warm" }).ClickAsync();

        var jose = await app.SignInAsync(WorkspaceApp.Oliver);
        await jose.GotoAsync($"/agent/tickets/{inbound.TicketNumber}");

        // Presence: each sees the other, and typing shows.
        await Assertions.Expect(emma.GetByTestId("presence")).ToContainTextAsync("Oliver Hughes is viewing");
        await jose.Locator("#composer-text").PressSequentiallyAsync("Checking the compressor");
        await Assertions.Expect(emma.GetByTestId("presence")).ToContainTextAsync("Oliver Hughes is typing");

        // Emma starts a reply; meanwhile the customer writes again and Jose answers.
        await emma.Locator("#composer-text").FillAsync("Hello Lina, please check the thermostat.");
        await app.InScopeAsync(sp => sp.GetRequiredService<ReceiveInbound>().HandleAsync(
            new InboundMessage(Channel.Email, new CustomerRef(Email: "live.customer@example.test"), "Re: Fridge is warm", "Also the freezer light is off.") { TicketNumber = inbound.TicketNumber },
            CancellationToken.None));
        await Assertions.Expect(emma.GetByText("Also the freezer light is off.")).ToBeVisibleAsync();
        await jose.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

        // Oliver was typing when the customer wrote: he is warned too, and sends after reading it.
        await Assertions.Expect(jose.GetByTestId("conflict")).ToContainTextAsync("Lina Cruz wrote");
        await jose.GetByRole(AriaRole.Button, new() { Name = "Send anyway" }).ClickAsync();
        await Assertions.Expect(emma.GetByText("Checking the compressor")).ToBeVisibleAsync();

        await emma.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        var warning = emma.GetByTestId("conflict");
        await Assertions.Expect(warning).ToContainTextAsync("Someone replied since you opened this ticket.");
        await Assertions.Expect(warning).ToContainTextAsync("Oliver Hughes wrote");
        await Assertions.Expect(warning).ToContainTextAsync("Lina Cruz wrote");
        await emma.GetByRole(AriaRole.Button, new() { Name = "Send anyway" }).ClickAsync();
        await Assertions.Expect(jose.GetByText("Hello Lina, please check the thermostat.")).ToBeVisibleAsync();

        // A note that mentions Jose lights up his badge.
        await emma.GetByRole(AriaRole.Tab, new() { Name = "Internal note" }).ClickAsync();
        await emma.Locator("#composer-text").FillAsync("@oliver can you call the technician?");
        await emma.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(jose.GetByTestId("unread")).ToHaveTextAsync("1");
        await jose.Locator(".k-bell").ClickAsync();
        await Assertions.Expect(jose.GetByText($"Emma Clarke mentioned you on ticket #{inbound.TicketNumber}")).ToBeVisibleAsync();
    }
}
