using Kalinga.BrowserTests.Infrastructure;

namespace Kalinga.BrowserTests;

public sealed class ApiReferenceTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_api_reference_renders_the_ticket_operations_in_a_real_browser()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/api/docs");
        await page.GetByText("Tickets", new() { Exact = true }).First.ClickAsync();

        await page.GetByText("Opens a ticket with the customer's first message").First.WaitForAsync();
        Assert.Contains("Kalinga API", await page.TitleAsync(), StringComparison.Ordinal);
    }
}
