using System.Net;
using System.Net.Http.Json;
using Kalinga.Agents;
using Kalinga.CustomFields;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.CustomFields;

public sealed class CustomFieldDefinitionTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task An_admin_defines_a_dropdown_and_agents_read_it_in_their_language_with_English_as_fallback()
    {
        var admin = await app.ClientAsync();
        await admin.DefineFieldAsync("delivery_slot", "Delivery slot", "dropdown",
            options: new object[]
            {
                new { value = "am", labels = new Dictionary<string, string> { ["en"] = "Morning", ["pl"] = "Rano" } },
                new { value = "pm", labels = new Dictionary<string, string> { ["en"] = "Afternoon", ["pl"] = "Po południu" } },
            },
            labels: new() { ["en"] = "Delivery slot", ["pl"] = "Pora dostawy" });

        var agent = await app.ClientAsync(AgentRole.Agent);
        var polish = (await agent.GetAsync<List<CustomFieldView>>("/api/v1/custom-fields?lang=pl")).Single(f => f.Key == "delivery_slot");
        var italian = (await agent.GetAsync<List<CustomFieldView>>("/api/v1/custom-fields?lang=it")).Single(f => f.Key == "delivery_slot");

        Assert.Equal(CustomFieldType.Dropdown, polish.Type);
        Assert.Equal("Pora dostawy", polish.Label);
        Assert.Equal(["Rano", "Po południu"], polish.Options.Select(o => o.Label));
        Assert.Equal("Delivery slot", italian.Label);
        Assert.Equal(["Morning", "Afternoon"], italian.Options.Select(o => o.Label));
    }

    [Fact]
    public async Task Only_admins_define_fields_and_keys_are_snake_case_English_labelled_and_unique()
    {
        var admin = await app.ClientAsync();
        var agent = await app.ClientAsync(AgentRole.Agent);
        await admin.DefineFieldAsync("serial_number", "Serial number");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync("/api/v1/custom-fields", new { key = "x1", labels = new { en = "X" } })).StatusCode);
        var badKey = await (await admin.PostAsync("/api/v1/custom-fields", new { key = "Serial No", labels = new { en = "Serial" } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("key", badKey.Errors!.Keys);
        var noEnglish = await (await admin.PostAsync("/api/v1/custom-fields", new { key = "warranty", labels = new { pl = "Gwarancja" } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("labels.en", noEnglish.Errors!.Keys);
        var noOptions = await (await admin.PostAsync("/api/v1/custom-fields", new { key = "colour", labels = new { en = "Colour" }, type = "dropdown" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("options", noOptions.Errors!.Keys);
        var taken = await (await admin.PostAsync("/api/v1/custom-fields", new { key = "serial_number", labels = new { en = "Again" } })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("key", taken.Errors!.Keys);
    }

    [Fact]
    public async Task Fields_keep_the_order_an_admin_gives_them_and_an_edit_keeps_the_key()
    {
        var admin = await app.ClientAsync();
        var keys = new[] { "first_seen", "store_name", "receipt_total" };
        foreach (var key in keys)
        {
            await admin.DefineFieldAsync(key, key.Replace('_', ' '));
        }

        var all = await admin.GetAsync<List<CustomFieldView>>("/api/v1/custom-fields");
        var reordered = all.Select(f => f.Key).Where(k => k != "receipt_total").Prepend("receipt_total").ToList();
        await (await admin.PutAsJsonAsync("/api/v1/custom-fields/order", new { keys = reordered }, Api.Json)).ReadAsync<List<CustomFieldView>>();
        var edited = await (await admin.PatchAsync("/api/v1/custom-fields/store_name", new { labels = new { en = "Store", it = "Negozio" }, type = "multiline_text" }))
            .ReadAsync<CustomFieldView>();

        Assert.Equal(reordered, (await admin.GetAsync<List<CustomFieldView>>("/api/v1/custom-fields")).Select(f => f.Key));
        Assert.Equal("store_name", edited.Key);
        Assert.Equal(CustomFieldType.MultilineText, edited.Type);
        Assert.Equal("Negozio", (await admin.GetAsync<CustomFieldView>("/api/v1/custom-fields/store_name?lang=it")).Label);
        var partial = await (await admin.PutAsJsonAsync("/api/v1/custom-fields/order", new { keys = new[] { "store_name" } }, Api.Json)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("keys", partial.Errors!.Keys);
    }

    [Fact]
    public async Task Deleting_a_field_in_use_deactivates_it_and_its_value_stays_read_only_on_the_ticket()
    {
        var admin = await app.ClientAsync();
        await admin.DefineFieldAsync("loyalty_card", "Loyalty card");
        await admin.DefineFieldAsync("unused_note", "Unused note");
        var ticket = await admin.CreateTicketAsync(extra: new { customFields = new Dictionary<string, string> { ["loyalty_card"] = "LC-7" } });

        var deactivated = await (await admin.DeleteAsync("/api/v1/custom-fields/loyalty_card")).ReadAsync<CustomFieldView>();
        var deleted = await admin.DeleteAsync("/api/v1/custom-fields/unused_note");
        var unchanged = await admin.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { customFields = new Dictionary<string, string> { ["loyalty_card"] = "LC-7" } });
        var changed = await (await admin.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { customFields = new Dictionary<string, string> { ["loyalty_card"] = "LC-8" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.False(deactivated.Active);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/custom-fields/unused_note")).StatusCode);
        Assert.Equal("LC-7", (await unchanged.ReadAsync<Kalinga.Tickets.TicketDetails>()).CustomFields["loyalty_card"]);
        Assert.Contains("customFields.loyalty_card", changed.Errors!.Keys);
        Assert.Equal("LC-7", (await admin.GetAsync<Kalinga.Tickets.TicketDetails>($"/api/v1/tickets/{ticket.Number}")).CustomFields["loyalty_card"]);
    }
}
