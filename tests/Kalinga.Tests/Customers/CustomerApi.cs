using System.Net;
using Kalinga.Customers;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Customers;

/// <summary>Customer and organization calls as a client makes them.</summary>
public static class CustomerApi
{
    public static async Task<CustomerDetails> CreateCustomerAsync(this HttpClient client, object body) =>
        await (await client.PostAsync("/api/v1/customers", body)).ReadAsync<CustomerDetails>(HttpStatusCode.Created);

    public static async Task<OrganizationDetails> CreateOrganizationAsync(this HttpClient client, string name, params string[] domains) =>
        await (await client.PostAsync("/api/v1/organizations", new { name, domains })).ReadAsync<OrganizationDetails>(HttpStatusCode.Created);

    /// <summary>Follows <c>nextCursor</c> from the first page to the last and returns every row in the order served.</summary>
    public static async Task<List<CustomerSummary>> AllCustomersAsync(this HttpClient client, string query, int limit)
    {
        var rows = new List<CustomerSummary>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/customers?{query}&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await client.GetAsync<CustomerPage>(url);
            Assert.True(page.Items.Count <= limit);
            rows.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return rows;
    }
}
