using System.Net;
using Kalinga.Customers;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Customers;

public sealed class OrganizationTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Customers_with_an_email_at_an_organization_domain_join_it()
    {
        var client = await app.ClientAsync();
        var acme = await client.CreateOrganizationAsync("Acme Logistics", "ACME.test", "acme-logistics.test.");
        var other = await client.CreateOrganizationAsync("Other Ltd");

        var joe = await client.CreateCustomerAsync(new { name = "Joe", email = "joe@acme.test" });
        var chosen = await client.CreateCustomerAsync(new { name = "Ann", email = "ann@acme.test", organizationId = other.Id });
        var ticket = await client.CreateTicketAsync(subject: "Pallets missing", email: "kim@acme-logistics.test");

        Assert.Equal(["acme.test", "acme-logistics.test"], acme.Domains);
        Assert.Equal(new OrganizationRef(acme.Id, "Acme Logistics"), joe.Organization);
        Assert.Equal(other.Id, chosen.Organization?.Id);
        Assert.Equal(acme.Id, ticket.OrganizationId);
        var details = await client.GetAsync<OrganizationDetails>($"/api/v1/organizations/{acme.Id}");
        Assert.Equal(2, details.CustomerCount);
        var members = await client.GetAsync<CustomerPage>($"/api/v1/organizations/{acme.Id}/customers");
        Assert.Equal(["joe", "kim"], members.Items.Select(c => c.Name.ToLowerInvariant()));
        var tickets = await client.GetAsync<TicketPage>($"/api/v1/organizations/{acme.Id}/tickets");
        Assert.Equal([ticket.Number], tickets.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task A_domain_belongs_to_one_organization_only()
    {
        var client = await app.ClientAsync();
        var first = await client.CreateOrganizationAsync("Globex", "globex.test");
        var second = await client.CreateOrganizationAsync("Initech", "initech.test");

        string[] taken = ["Globex.test"];
        string[] added = ["initech.test", "globex.test"];
        string[] renewed = ["globex.test", "globex-corp.test"];

        var created = await (await client.PostAsync("/api/v1/organizations", new { name = "Globex Copy", domains = taken }))
            .ProblemAsync(HttpStatusCode.Conflict);
        var updated = await (await client.PatchAsync($"/api/v1/organizations/{second.Id}", new { domains = added }))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains($"organization {first.Id}", Assert.Single(created.Errors!["domains"]), StringComparison.Ordinal);
        Assert.Contains("domains", updated.Errors!.Keys);
        var kept = await (await client.PatchAsync($"/api/v1/organizations/{first.Id}", new { domains = renewed, notes = "Key account" }))
            .ReadAsync<OrganizationDetails>();
        Assert.Equal(["globex.test", "globex-corp.test"], kept.Domains);
        Assert.Equal("Key account", kept.Notes);

        // A domain given up is free for another organization, and new senders follow it there.
        string[] released = ["globex-corp.test"];
        (await client.PatchAsync($"/api/v1/organizations/{first.Id}", new { domains = released })).EnsureSuccessStatusCode();
        (await client.PatchAsync($"/api/v1/organizations/{second.Id}", new { domains = added })).EnsureSuccessStatusCode();
        var moved = await client.CreateCustomerAsync(new { name = "Moe", email = "moe@globex.test" });
        var stayed = await client.CreateCustomerAsync(new { name = "Cat", email = "cat@globex-corp.test" });
        Assert.Equal(second.Id, moved.Organization?.Id);
        Assert.Equal(first.Id, stayed.Organization?.Id);
    }

    [Theory]
    [InlineData("domains", new[] { "not a domain" })]
    [InlineData("domains", new[] { "localhost" })]
    [InlineData("domains", new[] { "user@example.test" })]
    [InlineData("name", " ")]
    public async Task Wrong_organization_input_is_a_400_naming_the_field(string field, object value)
    {
        var client = await app.ClientAsync();
        var body = new Dictionary<string, object?> { ["name"] = "Valid Name", [field] = value };

        var problem = await (await client.PostAsync("/api/v1/organizations", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task Organizations_are_listed_by_name_prefix_page_by_page()
    {
        var client = await app.ClientAsync();
        string[] names = ["Żabka Polska", "Zeta Foods", "Zanussi Italia", "Zen Garden", "Yellow Cab"];
        foreach (var name in names)
        {
            await client.CreateOrganizationAsync(name);
        }

        var first = await client.GetAsync<OrganizationPage>("/api/v1/organizations?q=z&limit=2");
        var second = await client.GetAsync<OrganizationPage>($"/api/v1/organizations?q=z&limit=2&cursor={first.NextCursor}");

        Assert.Equal(["Żabka Polska", "Zanussi Italia"], first.Items.Select(o => o.Name));
        Assert.Equal(["Zen Garden", "Zeta Foods"], second.Items.Select(o => o.Name));
        Assert.Null(second.NextCursor);
    }
}
