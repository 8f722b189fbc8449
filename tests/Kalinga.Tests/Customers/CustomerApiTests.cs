using System.Net;
using Kalinga.Agents;
using Kalinga.Channels;
using Kalinga.Customers;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Customers;

public sealed class CustomerApiTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task Created_customer_is_returned_with_normalized_identities_and_can_be_fetched()
    {
        var client = await app.ClientAsync();
        string[] segments = ["Gold", "gold", " b2b "];

        var response = await client.PostAsync("/api/v1/customers", new
        {
            name = "  Ana Reyes ",
            email = "Ana.Reyes@Example.test",
            phone = "+63 917 555 0101",
            language = "fil",
            preferredChannel = "chat",
            vip = true,
            segments,
            marketingConsent = true,
            notes = "Prefers calls in the morning.",
        });
        var created = await response.ReadAsync<CustomerDetails>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/customers/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Ana Reyes", created.Name);
        Assert.Equal("fil", created.Language);
        Assert.Equal(Channel.Chat, created.PreferredChannel);
        Assert.True(created.Vip);
        Assert.Equal(["b2b", "gold"], created.Segments);
        Assert.True(created.MarketingConsent);
        Assert.Null(created.MergedIntoId);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, created.CreatedAt);
        Assert.Contains(created.Identities, i => i is { Kind: IdentityKind.Email, Value: "ana.reyes@example.test", Primary: true });
        Assert.Contains(created.Identities, i => i is { Kind: IdentityKind.Phone, Value: "+639175550101", Primary: true });

        var fetched = await client.GetAsync<CustomerDetails>($"/api/v1/customers/{created.Id}");
        Assert.Equal(created.Name, fetched.Name);
        Assert.Equal(created.Identities.Count, fetched.Identities.Count);
    }

    [Fact]
    public async Task Customer_without_a_name_is_named_after_the_email()
    {
        var client = await app.ClientAsync();

        var created = await client.CreateCustomerAsync(new { email = "walk.in@example.test" });

        Assert.Equal("walk.in", created.Name);
        Assert.Equal("en", created.Language);
    }

    [Fact]
    public async Task Update_changes_only_the_fields_sent_and_shows_on_the_timeline()
    {
        var client = await app.ClientAsync();
        var organization = await client.CreateOrganizationAsync("Reyes Trading");
        var customer = await client.CreateCustomerAsync(new { name = "Rosa Reyes", email = "rosa@example.test", language = "en", notes = "Old note" });
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        string[] segments = ["wholesale"];

        var updated = await (await client.PatchAsync($"/api/v1/customers/{customer.Id}", new
        {
            name = "Rosa M. Reyes",
            organizationId = organization.Id,
            vip = true,
            segments,
            notes = "",
        })).ReadAsync<CustomerDetails>();

        Assert.Equal("Rosa M. Reyes", updated.Name);
        Assert.Equal("en", updated.Language);
        Assert.Equal(new OrganizationRef(organization.Id, "Reyes Trading"), updated.Organization);
        Assert.True(updated.Vip);
        Assert.Equal(["wholesale"], updated.Segments);
        Assert.Null(updated.Notes);
        Assert.Equal(customer.CreatedAt.AddMinutes(5), updated.UpdatedAt);
        var timeline = await client.GetAsync<TimelinePage>($"/api/v1/customers/{customer.Id}/timeline");
        var change = timeline.Items[0];
        Assert.Equal(TicketEventTypes.CustomerUpdated, change.Type);
        Assert.Equal("Rosa M. Reyes", change.Data.GetProperty("changes").GetProperty("name").GetProperty("to").GetString());

        var removed = await (await client.PatchAsync($"/api/v1/customers/{customer.Id}", new { organizationId = 0 })).ReadAsync<CustomerDetails>();
        Assert.Null(removed.Organization);
        Assert.Equal("Rosa M. Reyes", removed.Name);
    }

    [Fact]
    public async Task Email_of_another_customer_is_a_conflict_naming_the_field()
    {
        var client = await app.ClientAsync();
        var first = await client.CreateCustomerAsync(new { name = "Marco Rossi", email = "marco.rossi@example.test" });

        var problem = await (await client.PostAsync("/api/v1/customers", new { name = "M. Rossi", email = "Marco.Rossi@Example.TEST" }))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains($"customer {first.Id}", Assert.Single(problem.Errors!["email"]), StringComparison.Ordinal);
        var other = await client.CreateCustomerAsync(new { name = "Marco R." });
        var added = await (await client.PostAsync($"/api/v1/customers/{other.Id}/identities", new { kind = "email", value = "marco.rossi@example.test" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("value", added.Errors!.Keys);
    }

    [Theory]
    [InlineData("email", "not-an-email")]
    [InlineData("phone", "12")]
    [InlineData("language", "de")]
    [InlineData("organizationId", 987654L)]
    [InlineData("preferredChannel", "fax")]
    [InlineData("segments", new[] { "a-segment-name-that-is-much-longer-than-sixty-four-characters-and-so-refused" })]
    [InlineData("name", "   ")]
    public async Task Wrong_input_is_a_400_naming_the_field(string field, object value)
    {
        var client = await app.ClientAsync();
        var body = new Dictionary<string, object?> { ["name"] = "Someone", [field] = value };

        var problem = await (await client.PostAsync("/api/v1/customers", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task Identities_are_added_and_removed_but_the_last_one_stays()
    {
        var client = await app.ClientAsync();
        var customer = await client.CreateCustomerAsync(new { name = "Giulia Bianchi", email = "giulia@example.test" });
        var email = Assert.Single(customer.Identities);

        var phone = await (await client.PostAsync($"/api/v1/customers/{customer.Id}/identities", new { kind = "phone", value = "+39 06 1234 5678" }))
            .ReadAsync<IdentityView>(HttpStatusCode.Created);
        var again = await (await client.PostAsync($"/api/v1/customers/{customer.Id}/identities", new { kind = "phone", value = "+390612345678" }))
            .ReadAsync<IdentityView>();

        Assert.Equal(new IdentityView(phone.Id, IdentityKind.Phone, "+390612345678", true), again);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/customers/{customer.Id}/identities/{email.Id}", TestContext.Current.CancellationToken)).StatusCode);
        var last = await (await client.DeleteAsync($"/api/v1/customers/{customer.Id}/identities/{phone.Id}", TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("identityId", last.Errors!.Keys);
        var after = await client.GetAsync<CustomerDetails>($"/api/v1/customers/{customer.Id}");
        Assert.Equal([phone.Id], after.Identities.Select(i => i.Id));
        var timeline = await client.GetAsync<TimelinePage>($"/api/v1/customers/{customer.Id}/timeline");
        Assert.Equal(
            [TicketEventTypes.CustomerIdentityRemoved, TicketEventTypes.CustomerIdentityAdded, TicketEventTypes.CustomerCreated],
            timeline.Items.Select(e => e.Type));
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/customers/{customer.Id}/identities/{email.Id}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Timeline_shows_events_of_all_the_customers_tickets_newest_first_page_by_page()
    {
        var client = await app.ClientAsync();
        var customer = await client.CreateCustomerAsync(new { name = "Tomasz Zieliński", email = "tomasz.z@example.test" });
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var email = await client.CreateTicketAsync(subject: "Invoice question", email: "tomasz.z@example.test", channel: "email");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var chat = await client.CreateTicketAsync(subject: "Delivery date", email: "tomasz.z@example.test", channel: "chat");

        var entries = new List<TimelineEntry>();
        string? cursor = null;
        do
        {
            var page = await client.GetAsync<TimelinePage>($"/api/v1/customers/{customer.Id}/timeline?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            entries.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(entries.OrderByDescending(e => e.Id).Select(e => e.Id), entries.Select(e => e.Id));
        Assert.Equal(TicketEventTypes.CustomerCreated, entries[^1].Type);
        Assert.Contains(entries, e => e.Type == TicketEventTypes.Created && e.TicketNumber == email.Number);
        Assert.Contains(entries, e => e.Type == TicketEventTypes.Created && e.TicketNumber == chat.Number);
        var tickets = await client.GetAsync<TicketPage>($"/api/v1/customers/{customer.Id}/tickets?sort=created");
        Assert.Equal([email.Number, chat.Number], tickets.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task Agents_can_work_with_customers_and_anonymous_callers_cannot()
    {
        var agent = await app.ClientAsync(AgentRole.Agent);

        var customer = await agent.CreateCustomerAsync(new { name = "Jose Santos", phone = "+63 2 8123 4567" });
        await agent.GetAsync<CustomerDetails>($"/api/v1/customers/{customer.Id}");
        await agent.GetAsync<OrganizationPage>("/api/v1/organizations");

        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/customers", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/customers/{customer.Id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/organizations", new { name = "Nope" })).StatusCode);
    }

    [Fact]
    public async Task Unknown_customer_is_not_found()
    {
        var client = await app.ClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/customers/999999", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsync("/api/v1/customers/999999", new { vip = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/customers/999999/tickets", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/customers/999999/timeline", TestContext.Current.CancellationToken)).StatusCode);
    }
}
