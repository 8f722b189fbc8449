using System.Net;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Tickets;

public sealed class TicketListTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Paging_with_the_cursor_returns_every_ticket_exactly_once_in_order()
    {
        var client = await app.ClientAsync();
        var created = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await client.CreateTicketAsync(subject: $"Paging {i}", email: "pager@example.test")).Number);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/tickets?limit=3&sort=-created&tag=&customer=" + await CustomerIdAsync(client, created[0]) + (cursor is null ? "" : "&cursor=" + cursor);
            var page = await client.GetAsync<TicketPage>(url);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(t => t.Number));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Theory]
    [InlineData("-updated")]
    [InlineData("updated")]
    [InlineData("-created")]
    [InlineData("created")]
    public async Task Paging_a_list_of_several_statuses_interleaves_them_in_order_and_returns_each_ticket_once(string sort)
    {
        var client = await app.ClientAsync();
        var email = $"statuses{sort.TrimStart('-')}{(sort.StartsWith('-') ? "desc" : "asc")}@example.test";
        string[] statuses = ["open", "pending", "on_hold", "solved", "open", "on_hold", "pending", "open", "pending"];
        var expected = new List<long>();
        for (var i = 0; i < statuses.Length; i++)
        {
            var ticket = await client.CreateTicketAsync(subject: $"Interleaved {i}", email: email);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { status = statuses[i] })).EnsureSuccessStatusCode();
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            if (statuses[i] != "solved")
            {
                expected.Add(ticket.Number);
            }
        }

        var customer = await CustomerIdAsync(client, expected[0]);
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/tickets?status=open,pending,on_hold&limit=3&sort={sort}&customer={customer}" + (cursor is null ? "" : "&cursor=" + cursor);
            var page = await client.GetAsync<TicketPage>(url);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(t => t.Number));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(sort.StartsWith('-') ? Enumerable.Reverse(expected) : expected, seen);
    }

    [Fact]
    public async Task Filters_narrow_the_list_by_status_reason_channel_tag_and_assignee()
    {
        var client = await app.ClientAsync();
        var complaint = await client.CreateTicketAsync(subject: "Charged twice", reason: "complaint", channel: "email", email: "filters@example.test",
            extra: new { tags = new[] { "Billing Error" }, causes = new[] { "overcharged" }, priority = "high" });
        var question = await client.CreateTicketAsync(subject: "Opening hours?", reason: "question", channel: "social", email: "filters@example.test");
        await client.PatchAsync($"/api/v1/tickets/{question.Number}", new { status = "pending" });

        var byReason = await client.GetAsync<TicketPage>("/api/v1/tickets?reason=complaint&customer=" + complaint.Customer.Id);
        var byTag = await client.GetAsync<TicketPage>("/api/v1/tickets?tag=billing-error");
        var byStatus = await client.GetAsync<TicketPage>($"/api/v1/tickets?status=pending,on_hold&customer={complaint.Customer.Id}");
        var byChannel = await client.GetAsync<TicketPage>($"/api/v1/tickets?channel=social&customer={complaint.Customer.Id}");
        var unassigned = await client.GetAsync<TicketPage>($"/api/v1/tickets?assignee=none&priority=high&customer={complaint.Customer.Id}");
        var unknownTag = await client.GetAsync<TicketPage>("/api/v1/tickets?tag=no-such-tag");

        Assert.Equal([complaint.Number], byReason.Items.Select(t => t.Number));
        Assert.Equal([complaint.Number], byTag.Items.Select(t => t.Number));
        Assert.Equal(["billing-error"], byTag.Items[0].Tags);
        Assert.Equal([question.Number], byStatus.Items.Select(t => t.Number));
        Assert.Equal([question.Number], byChannel.Items.Select(t => t.Number));
        Assert.Equal([complaint.Number], unassigned.Items.Select(t => t.Number));
        Assert.Empty(unknownTag.Items);
    }

    [Fact]
    public async Task Created_and_updated_ranges_select_by_time()
    {
        var client = await app.ClientAsync();
        var before = await client.CreateTicketAsync(subject: "Old one", email: "ranges@example.test");
        app.Clock.Advance(TimeSpan.FromDays(3));
        var cut = app.Clock.GetUtcNow().UtcDateTime.ToString("O");
        var after = await client.CreateTicketAsync(subject: "New one", email: "ranges@example.test");

        var page = await client.GetAsync<TicketPage>($"/api/v1/tickets?customer={before.Customer.Id}&createdFrom={Uri.EscapeDataString(cut)}");

        Assert.Equal([after.Number], page.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task A_bad_filter_or_cursor_is_a_400_naming_the_parameter()
    {
        var client = await app.ClientAsync();

        var status = await (await client.GetAsync("/api/v1/tickets?status=sleeping")).ProblemAsync(HttpStatusCode.BadRequest);
        var cursor = await (await client.GetAsync("/api/v1/tickets?cursor=garbage")).ProblemAsync(HttpStatusCode.BadRequest);
        var limit = await (await client.GetAsync("/api/v1/tickets?limit=5000")).ProblemAsync(HttpStatusCode.BadRequest);
        var sort = await (await client.GetAsync("/api/v1/tickets?sort=color")).ProblemAsync(HttpStatusCode.BadRequest);
        var me = await (await client.GetAsync("/api/v1/tickets?assignee=me")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("status", status.Errors!.Keys);
        Assert.Contains("cursor", cursor.Errors!.Keys);
        Assert.Contains("limit", limit.Errors!.Keys);
        Assert.Contains("sort", sort.Errors!.Keys);
        Assert.Contains("assignee", me.Errors!.Keys);
    }

    private static async Task<long> CustomerIdAsync(HttpClient client, long number) =>
        (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{number}")).Customer.Id!.Value;
}
