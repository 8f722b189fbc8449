using Kalinga.Customers;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Customers;

public sealed class CustomerSearchTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Name_prefix_finds_customers_ignoring_case_and_accents_in_name_order()
    {
        var client = await app.ClientAsync();
        var lucja = await client.CreateCustomerAsync(new { name = "Łucja Wiśniewska" });
        var lucas = await client.CreateCustomerAsync(new { name = "lucas Moreau" });
        await client.CreateCustomerAsync(new { name = "Maria Lucchese" });

        var page = await client.GetAsync<CustomerPage>("/api/v1/customers?q=LU");

        Assert.Equal([lucas.Id, lucja.Id], page.Items.Select(c => c.Id));
        Assert.Null(page.NextCursor);
        Assert.Equal([lucja.Id], (await client.GetAsync<CustomerPage>("/api/v1/customers?q=%C5%82ucja%20wi")).Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Email_finds_the_customer_by_the_whole_address_or_its_start()
    {
        var client = await app.ClientAsync();
        var zosia = await client.CreateCustomerAsync(new { name = "Zosia K", email = "zofia.kowalczyk@firma.test" });

        var exact = await client.GetAsync<CustomerPage>("/api/v1/customers?q=Zofia.Kowalczyk%40firma.test");
        var start = await client.GetAsync<CustomerPage>("/api/v1/customers?q=zofia.kow");

        var found = Assert.Single(exact.Items);
        Assert.Equal(zosia.Id, found.Id);
        Assert.Equal("zofia.kowalczyk@firma.test", found.Email);
        Assert.Equal([zosia.Id], start.Items.Select(c => c.Id));
        Assert.Empty((await client.GetAsync<CustomerPage>("/api/v1/customers?q=kowalczyk")).Items);
    }

    [Fact]
    public async Task Phone_number_finds_the_customer_however_it_is_written()
    {
        var client = await app.ClientAsync();
        var piotr = await client.CreateCustomerAsync(new { name = "Piotr Wójcik", phone = "+48 601 234 567" });

        var page = await client.GetAsync<CustomerPage>("/api/v1/customers?q=%2B48%20601-234");

        var found = Assert.Single(page.Items);
        Assert.Equal(piotr.Id, found.Id);
        Assert.Equal("+48601234567", found.Phone);
    }

    [Fact]
    public async Task Paging_through_more_than_one_page_returns_every_customer_exactly_once()
    {
        var client = await app.ClientAsync();
        var created = new List<long>();
        for (var i = 0; i < 23; i++)
        {
            // Every fifth name repeats, so the order relies on the id tiebreak as well.
            var name = i % 5 == 0 ? "Pagination Same" : $"Pagination {(char)('Z' - i)}";
            created.Add((await client.CreateCustomerAsync(new { name, email = $"page{i}@example.test" })).Id);
        }

        var byName = await client.AllCustomersAsync("q=pagination", limit: 4);
        var everyone = await client.AllCustomersAsync("", limit: 7);

        Assert.Equal(created.Order(), byName.Select(c => c.Id).Order());
        Assert.Equal(byName.Select(c => c.Id).Distinct().Count(), byName.Count);
        Assert.Equal(byName.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id).Select(c => c.Id), byName.Select(c => c.Id));
        Assert.Equal(everyone.Select(c => c.Id).Distinct().Count(), everyone.Count);
        Assert.Subset(everyone.Select(c => c.Id).ToHashSet(), created.ToHashSet());
    }

    [Fact]
    public async Task Vip_and_organization_filters_narrow_the_list()
    {
        var client = await app.ClientAsync();
        var organization = await client.CreateOrganizationAsync("Filter Foods");
        var vip = await client.CreateCustomerAsync(new { name = "Filter Vip", vip = true, organizationId = organization.Id });
        var regular = await client.CreateCustomerAsync(new { name = "Filter Regular", organizationId = organization.Id });
        await client.CreateCustomerAsync(new { name = "Filter Elsewhere", vip = true });

        var vips = await client.GetAsync<CustomerPage>($"/api/v1/customers?q=filter&vip=true&organization={organization.Id}");
        var members = await client.GetAsync<CustomerPage>($"/api/v1/organizations/{organization.Id}/customers");

        Assert.Equal([vip.Id], vips.Items.Select(c => c.Id));
        Assert.Equal([regular.Id, vip.Id], members.Items.Select(c => c.Id));
        Assert.All(members.Items, c => Assert.Equal(new OrganizationRef(organization.Id, "Filter Foods"), c.Organization));
    }

    [Fact]
    public async Task A_malformed_cursor_is_a_400_naming_the_cursor()
    {
        var client = await app.ClientAsync();

        var problem = await (await client.GetAsync("/api/v1/customers?cursor=not-a-cursor", TestContext.Current.CancellationToken)).ProblemAsync(System.Net.HttpStatusCode.BadRequest);

        Assert.Contains("cursor", problem.Errors!.Keys);
    }
}
