using System.Net;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.CustomFields;

public sealed class CustomFieldValueTests(CustomFieldValueTests.App app) : IClassFixture<CustomFieldValueTests.App>
{
    public sealed class App : KalingaApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var admin = await this.ClientAsync();
            await admin.DefineFieldAsync("units", "Units", "number");
            await admin.DefineFieldAsync("bought_on", "Bought on", "date");
            await admin.DefineFieldAsync("channel_seen", "Where did you hear of us", "dropdown",
                options: new object[] { new { value = "radio", labels = new { en = "Radio" } }, new { value = "friend", labels = new { en = "A friend" } } });
            await admin.DefineFieldAsync("warranty_checked", "Warranty checked", "checkbox", requiredOnSolve: true);
            await admin.DefineFieldAsync("invoice_number", "Invoice number", requiredOnSolve: true);
        }
    }

    [Fact]
    public async Task Values_are_stored_in_their_canonical_form()
    {
        var client = await app.ClientAsync();

        var ticket = await client.CreateTicketAsync(extra: new
        {
            customFields = new Dictionary<string, string> { ["units"] = " 2.50 ", ["bought_on"] = "2026-02-27", ["channel_seen"] = "radio", ["warranty_checked"] = "True" },
        });

        Assert.Equal("2.50", ticket.CustomFields["units"]);
        Assert.Equal("2026-02-27", ticket.CustomFields["bought_on"]);
        Assert.Equal("radio", ticket.CustomFields["channel_seen"]);
        Assert.Equal("true", ticket.CustomFields["warranty_checked"]);
    }

    [Theory]
    [InlineData("nobody_defined_me", "x")]
    [InlineData("units", "two")]
    [InlineData("bought_on", "27/02/2026")]
    [InlineData("bought_on", "2026-02-30")]
    [InlineData("channel_seen", "television")]
    [InlineData("warranty_checked", "maybe")]
    public async Task A_value_that_does_not_fit_its_definition_is_refused_naming_the_field(string key, string value)
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync();

        var onCreate = await (await client.PostAsync("/api/v1/tickets", new
        {
            subject = "Bad field",
            customer = new { email = "bad.field@example.test" },
            message = new { text = "x" },
            customFields = new Dictionary<string, string> { [key] = value },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        var onUpdate = await (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { customFields = new Dictionary<string, string> { [key] = value } }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([$"customFields.{key}"], onCreate.Errors!.Keys);
        Assert.Equal([$"customFields.{key}"], onUpdate.Errors!.Keys);
        Assert.False((await client.GetAsync<TicketDetails>($"/api/v1/tickets/{ticket.Number}")).CustomFields.ContainsKey(key));
    }

    [Fact]
    public async Task A_ticket_cannot_be_solved_until_its_required_fields_are_filled_in()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync(extra: new { customFields = new Dictionary<string, string> { ["warranty_checked"] = "true" } });

        var blocked = await (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { status = "solved" })).ProblemAsync(HttpStatusCode.BadRequest);
        var blockedReply = await (await client.PostAsync($"/api/v1/tickets/{ticket.Number}/replies", new { text = "Done.", status = "solved" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var unticked = await (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new
        {
            customFields = new Dictionary<string, string> { ["invoice_number"] = "INV-1", ["warranty_checked"] = "false" },
            status = "solved",
        })).ProblemAsync(HttpStatusCode.BadRequest);
        var solved = await (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new
        {
            customFields = new Dictionary<string, string> { ["invoice_number"] = "INV-1", ["warranty_checked"] = "true" },
            status = "solved",
        })).ReadAsync<TicketDetails>();

        Assert.Equal(["customFields.invoice_number"], blocked.Errors!.Keys);
        Assert.Equal(["customFields.invoice_number"], blockedReply.Errors!.Keys);
        Assert.Equal(["customFields.warranty_checked"], unticked.Errors!.Keys);
        Assert.Equal(TicketStatus.Solved, solved.Status);
        Assert.Equal("INV-1", solved.CustomFields["invoice_number"]);
    }

    [Fact]
    public async Task Bulk_solving_skips_the_tickets_that_miss_a_required_field()
    {
        var client = await app.ClientAsync();
        var complete = await client.CreateTicketAsync(extra: new
        {
            customFields = new Dictionary<string, string> { ["invoice_number"] = "INV-2", ["warranty_checked"] = "true" },
        });
        var incomplete = await client.CreateTicketAsync();

        var outcomes = await (await client.PostAsync("/api/v1/tickets/bulk", new { numbers = new[] { complete.Number, incomplete.Number }, status = "solved" }))
            .ReadAsync<List<BulkOutcome>>();

        Assert.Null(outcomes.Single(o => o.Number == complete.Number).Error);
        Assert.Contains("Warranty checked", outcomes.Single(o => o.Number == incomplete.Number).Error, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Solved, (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{complete.Number}")).Status);
        Assert.NotEqual(TicketStatus.Solved, (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{incomplete.Number}")).Status);
    }

    [Fact]
    public async Task An_empty_value_removes_the_field_from_the_ticket()
    {
        var client = await app.ClientAsync();
        var ticket = await client.CreateTicketAsync(extra: new { customFields = new Dictionary<string, string> { ["units"] = "3" } });

        var updated = await (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { customFields = new Dictionary<string, string> { ["units"] = "" } }))
            .ReadAsync<TicketDetails>();

        Assert.False(updated.CustomFields.ContainsKey("units"));
    }
}
