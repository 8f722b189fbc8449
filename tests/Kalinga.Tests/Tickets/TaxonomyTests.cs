using System.Net;
using System.Net.Http.Headers;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Tickets;

public sealed class TaxonomyTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Contact_reasons_in_Polish_have_Polish_names()
    {
        var client = await app.ClientAsync();

        var reasons = await client.GetAsync<List<TaxonomyEntryView>>("/api/v1/contact-reasons?lang=pl");

        Assert.Equal(ContactReason.Fixed, reasons.Where(r => r.System).Select(r => r.Code));
        Assert.Equal("Reklamacja lub skarga", reasons.Single(r => r.Code == "complaint").Name);
        Assert.Equal("Zgłoszenie serwisowe", reasons.Single(r => r.Code == "technical_service").Name);
        Assert.All(reasons, r => Assert.True(r.Active));
    }

    [Fact]
    public async Task Names_follow_the_requested_language_or_else_Accept_Language()
    {
        var client = await app.ClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("it-IT"));

        var italian = await client.GetAsync<List<TaxonomyEntryView>>("/api/v1/contact-reasons");
        var filipino = await client.GetAsync<List<TaxonomyEntryView>>("/api/v1/dissatisfaction-causes?lang=fil");
        var english = await client.GetAsync<List<TaxonomyEntryView>>("/api/v1/dissatisfaction-causes?lang=en");
        var unknown = await (await client.GetAsync("/api/v1/contact-reasons?lang=de", Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Domanda", italian.Single(r => r.Code == "question").Name);
        Assert.Equal("Mabagal na pagtugon", filipino.Single(c => c.Code == "slow_response").Name);
        Assert.Equal("Treated as a number, not a person", english.Single(c => c.Code == "treated_as_number").Name);
        Assert.Equal(DissatisfactionCause.Fixed, english.Select(c => c.Code));
        Assert.Contains("lang", unknown.Errors!.Keys);
    }

    [Fact]
    public async Task A_custom_reason_can_be_used_when_creating_a_ticket()
    {
        var client = await app.ClientAsync();

        var added = await (await client.PostAsync("/api/v1/contact-reasons", new { code = "warranty_claim", name = "Warranty claim" }))
            .ReadAsync<TaxonomyEntryView>(HttpStatusCode.Created);
        var ticket = await client.CreateTicketAsync(reason: "warranty_claim");

        Assert.False(added.System);
        Assert.True(added.Active);
        Assert.Equal("warranty_claim", ticket.Reason);
        var inPolish = await client.GetAsync<List<TaxonomyEntryView>>("/api/v1/contact-reasons?lang=pl");
        Assert.Equal("Warranty claim", inPolish.Single(r => r.Code == "warranty_claim").Name);
    }

    [Fact]
    public async Task A_built_in_reason_can_be_neither_deactivated_nor_renamed()
    {
        var client = await app.ClientAsync();
        var complaint = (await client.GetAsync<List<TaxonomyEntryView>>("/api/v1/contact-reasons")).Single(r => r.Code == "complaint");

        var deactivate = await (await client.PatchAsync($"/api/v1/contact-reasons/{complaint.Id}", new { active = false })).ProblemAsync(HttpStatusCode.BadRequest);
        var rename = await (await client.PatchAsync($"/api/v1/contact-reasons/{complaint.Id}", new { name = "Grumbles" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("active", deactivate.Errors!.Keys);
        Assert.Contains("name", rename.Errors!.Keys);
        var after = await client.GetAsync<TaxonomyEntryView>($"/api/v1/contact-reasons/{complaint.Id}?lang=en");
        Assert.True(after.Active);
        Assert.Equal("Complaint or claim", after.Name);
        Assert.Equal("complaint", (await client.CreateTicketAsync(reason: "complaint")).Reason);
    }

    [Fact]
    public async Task A_retired_custom_cause_stays_on_its_tickets_but_is_refused_on_new_ones()
    {
        var client = await app.ClientAsync();
        var cause = await (await client.PostAsync("/api/v1/dissatisfaction-causes", new { code = "rude_chatbot", name = "Rude chatbot" }))
            .ReadAsync<TaxonomyEntryView>(HttpStatusCode.Created);
        var earlier = await client.CreateTicketAsync(reason: "complaint", extra: new { causes = new[] { "rude_chatbot" } });

        var retired = await (await client.PatchAsync($"/api/v1/dissatisfaction-causes/{cause.Id}", new { name = "Impolite chatbot", active = false }))
            .ReadAsync<TaxonomyEntryView>();

        Assert.False(retired.Active);
        Assert.Equal("Impolite chatbot", retired.Name);
        Assert.Equal(["rude_chatbot"], (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{earlier.Number}")).Causes);
        var refused = await (await client.PatchAsync($"/api/v1/tickets/{earlier.Number}", new { causes = new[] { "rude_chatbot", "slow_response" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("causes", refused.Errors!.Keys);
    }

    [Fact]
    public async Task Codes_are_snake_case_and_unique()
    {
        var client = await app.ClientAsync();

        var badCode = await (await client.PostAsync("/api/v1/contact-reasons", new { code = "Spare Parts", name = "Spare parts" })).ProblemAsync(HttpStatusCode.BadRequest);
        var taken = await (await client.PostAsync("/api/v1/contact-reasons", new { code = "question", name = "Another question" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("code", badCode.Errors!.Keys);
        Assert.Contains("code", taken.Errors!.Keys);
        Assert.DoesNotContain(await client.GetAsync<List<TaxonomyEntryView>>("/api/v1/contact-reasons"), r => r.Name == "Another question");
    }
}
