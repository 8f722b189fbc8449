using System.Net;
using Kalinga.Customers;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Customers;

public sealed class CustomerMergeTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Merge_moves_identities_tickets_and_future_contacts_to_the_target()
    {
        var client = await app.ClientAsync();
        var target = await client.CreateCustomerAsync(new { name = "Ana Reyes", email = "ana@home.test" });
        var own = await client.CreateTicketAsync(subject: "Warranty", email: "ana@home.test");
        var first = await client.CreateTicketAsync(subject: "Order 1001 late", email: "ana.work@office.test");
        var second = await client.CreateTicketAsync(subject: "Order 1002 late", email: "ana.work@office.test", channel: "email");
        var sourceId = first.Customer.Id!.Value;
        Assert.NotEqual(target.Id, sourceId);
        app.Clock.Advance(TimeSpan.FromHours(1));

        var merged = await (await client.PostAsync($"/api/v1/customers/{target.Id}/merge", new { sourceId })).ReadAsync<CustomerDetails>();

        Assert.Contains(merged.Identities, i => i is { Value: "ana@home.test", Primary: true });
        Assert.Contains(merged.Identities, i => i is { Value: "ana.work@office.test", Primary: false });
        var tickets = await client.GetAsync<TicketPage>($"/api/v1/customers/{target.Id}/tickets?sort=number");
        Assert.Equal([own.Number, first.Number, second.Number], tickets.Items.Select(t => t.Number));
        Assert.All(tickets.Items, t => Assert.Equal(target.Id, t.CustomerId));
        var source = await client.GetAsync<CustomerDetails>($"/api/v1/customers/{sourceId}");
        Assert.Equal(target.Id, source.MergedIntoId);
        Assert.Empty(source.Identities);
        Assert.Empty((await client.GetAsync<TicketPage>($"/api/v1/customers/{sourceId}/tickets")).Items);

        var next = await client.CreateTicketAsync(subject: "Order 1003 late", email: "ana.work@office.test");
        Assert.Equal(target.Id, next.Customer.Id);
        var found = await client.GetAsync<CustomerPage>("/api/v1/customers?q=ana.work%40office.test");
        Assert.Equal([target.Id], found.Items.Select(c => c.Id));
        var timeline = await client.GetAsync<TimelinePage>($"/api/v1/customers/{target.Id}/timeline?limit=200");
        Assert.Contains(timeline.Items, e => e.Type == TicketEventTypes.CustomerMerged);
        Assert.Contains(timeline.Items, e => e.Type == TicketEventTypes.Created && e.TicketNumber == first.Number);
    }

    [Fact]
    public async Task Merged_customers_are_left_out_of_lists_but_still_answer_by_id()
    {
        var client = await app.ClientAsync();
        var keep = await client.CreateCustomerAsync(new { name = "Hidden Keep" });
        var duplicate = await client.CreateCustomerAsync(new { name = "Hidden Duplicate", email = "hidden.duplicate@example.test" });

        (await client.PostAsync($"/api/v1/customers/{keep.Id}/merge", new { sourceId = duplicate.Id })).EnsureSuccessStatusCode();

        var list = await client.GetAsync<CustomerPage>("/api/v1/customers?q=hidden");
        Assert.Equal([keep.Id], list.Items.Select(c => c.Id));
        Assert.Equal(keep.Id, (await client.GetAsync<CustomerDetails>($"/api/v1/customers/{duplicate.Id}")).MergedIntoId);
        var edit = await (await client.PatchAsync($"/api/v1/customers/{duplicate.Id}", new { vip = true })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("id", edit.Errors!.Keys);
    }

    [Fact]
    public async Task Merging_into_itself_or_merging_a_merged_customer_is_refused()
    {
        var client = await app.ClientAsync();
        var a = await client.CreateCustomerAsync(new { name = "Refused A" });
        var b = await client.CreateCustomerAsync(new { name = "Refused B" });
        var c = await client.CreateCustomerAsync(new { name = "Refused C" });
        (await client.PostAsync($"/api/v1/customers/{a.Id}/merge", new { sourceId = b.Id })).EnsureSuccessStatusCode();

        foreach (var (into, source) in new[] { (a.Id, a.Id), (c.Id, b.Id), (b.Id, c.Id), (a.Id, 987654L) })
        {
            var problem = await (await client.PostAsync($"/api/v1/customers/{into}/merge", new { sourceId = source })).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("sourceId", problem.Errors!.Keys);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/customers/987654/merge", new { sourceId = c.Id })).StatusCode);
        Assert.Null((await client.GetAsync<CustomerDetails>($"/api/v1/customers/{c.Id}")).MergedIntoId);
    }
}
