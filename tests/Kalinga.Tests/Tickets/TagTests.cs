using System.Net;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Tickets;

public sealed class TagTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Autocomplete_lists_tags_starting_with_what_was_typed_with_ticket_counts()
    {
        var client = await app.ClientAsync();
        await client.CreateTicketAsync(extra: new { tags = new[] { "refund", "refrigerator" } });
        await client.CreateTicketAsync(extra: new { tags = new[] { "Refund", "refrigerator", "delivery" } });
        await client.CreateTicketAsync(extra: new { tags = new[] { "refund" } });
        await client.CreateTicketAsync(extra: new { tags = new[] { "re-delivery" } });

        var tags = await client.GetAsync<List<TagView>>("/api/v1/tags?q=REF");

        Assert.Equal(["refrigerator", "refund"], tags.Select(t => t.Name));
        Assert.Equal([2, 3], tags.Select(t => t.Tickets));
        var first = Assert.Single(await client.GetAsync<List<TagView>>("/api/v1/tags?q=ref&limit=1"));
        Assert.Equal("refrigerator", first.Name);
        Assert.Contains(await client.GetAsync<List<TagView>>("/api/v1/tags"), t => t is { Name: "delivery", Tickets: 1 });
        var problem = await (await client.GetAsync("/api/v1/tags?limit=0", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("limit", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Deleting_a_tag_takes_it_off_every_ticket()
    {
        var client = await app.ClientAsync();
        var first = await client.CreateTicketAsync(extra: new { tags = new[] { "fragile", "boxes" } });
        var second = await client.CreateTicketAsync(extra: new { tags = new[] { "fragile" } });

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/tags/Fragile", Ct)).StatusCode);

        Assert.Equal(["boxes"], (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{first.Number}")).Tags);
        Assert.Empty((await client.GetAsync<TicketDetails>($"/api/v1/tickets/{second.Number}")).Tags);
        Assert.Empty(await client.GetAsync<List<TagView>>("/api/v1/tags?q=fragile"));
        Assert.Equal(1, Assert.Single(await client.GetAsync<List<TagView>>("/api/v1/tags?q=boxes")).Tickets);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/v1/tags/fragile", Ct)).StatusCode);
    }
}
