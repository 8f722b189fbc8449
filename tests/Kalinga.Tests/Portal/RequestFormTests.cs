using System.Net;
using Kalinga.Channels;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.Portal;

public sealed class RequestFormTests(RequestFormTests.App app) : IClassFixture<RequestFormTests.App>
{
    public sealed class App : KalingaApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await HelpCenterSamples.LoadAsync(this);
            var admin = await this.ClientAsync();
            await admin.DefineFieldAsync("order_number", "Order number", customerVisible: true,
                labels: new() { ["en"] = "Order number", ["pl"] = "Numer zamówienia", ["it"] = "Numero d'ordine" });
            await admin.DefineFieldAsync("product", "Product", customerVisible: true);
            await admin.DefineFieldAsync("delivered_on", "Delivered on", "date", customerVisible: true,
                labels: new() { ["en"] = "Delivered on", ["it"] = "Consegnato il" });
            await admin.DefineFieldAsync("goodwill_budget", "Goodwill budget", "number");
        }
    }

    [Fact]
    public async Task A_sent_form_opens_a_web_ticket_with_its_fields_and_files_and_the_receipt_names_the_number()
    {
        var portal = PortalClient.For(app);
        var photo = (byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

        var response = await portal.SubmitAsync("/requests/new?culture=pl", "request", new Dictionary<string, string>
        {
            ["Email"] = "Ewa.Nowak@Example.test",
            ["Name"] = "Ewa Nowak",
            ["Reason"] = "after_sales",
            ["Subject"] = "Pralka przecieka",
            ["Description"] = "Po każdym praniu na podłodze jest woda.",
            ["custom-order_number"] = "LH-204913",
            ["custom-product"] = "AquaWash 8kg",
        }, [("Files", "leak.png", photo)]);
        var page = await response.Content.ReadAsStringAsync();
        await app.DeliverEventsAsync();

        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Messages).ThenInclude(m => m.Attachments).SingleAsync(t => t.Subject == "Pralka przecieka"));
        Assert.Contains($"#{ticket.Number}", page, StringComparison.Ordinal);
        Assert.Equal(Channel.Web, ticket.Channel);
        Assert.Equal("pl", ticket.Language);
        Assert.Equal("LH-204913", ticket.CustomFields["order_number"]);
        Assert.Equal("AquaWash 8kg", ticket.CustomFields["product"]);
        var question = ticket.Messages.Single(m => m.Direction == MessageDirection.In);
        Assert.Equal(MessageKind.Web, question.Kind);
        Assert.Equal("image/png", Assert.Single(question.Attachments).ContentType);
        var receipt = ticket.Messages.Single(m => m.AuthorKind == ActorKind.System);
        Assert.Contains($"#{ticket.Number}", receipt.Text, StringComparison.Ordinal);
        Assert.StartsWith("Dzień dobry, Ewa Nowak", receipt.Text, StringComparison.Ordinal);
        Assert.Equal(MessageKind.Email, receipt.Kind);
    }

    [Fact]
    public async Task Fields_shown_to_customers_are_on_the_form_in_the_page_language_and_agent_only_fields_are_not()
    {
        var portal = PortalClient.For(app);

        var polish = WebUtility.HtmlDecode(await portal.PageAsync("/requests/new?culture=pl"));
        var italian = WebUtility.HtmlDecode(await portal.PageAsync("/requests/new?culture=it"));

        Assert.Contains("<label for=\"custom-order_number\">Numer zamówienia</label>", polish, StringComparison.Ordinal);
        Assert.Contains("<label for=\"custom-product\">Product</label>", polish, StringComparison.Ordinal);
        Assert.Contains("type=\"date\"", polish, StringComparison.Ordinal);
        Assert.Contains("<label for=\"custom-delivered_on\">Consegnato il</label>", italian, StringComparison.Ordinal);
        Assert.DoesNotContain("goodwill_budget", polish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_value_that_does_not_fit_is_explained_beside_the_field_and_nothing_is_sent()
    {
        var portal = PortalClient.For(app);

        var response = await portal.SubmitAsync("/requests/new?culture=it", "request", new Dictionary<string, string>
        {
            ["Email"] = "mario.rossi@example.test",
            ["Reason"] = "order",
            ["Subject"] = "Consegna incompleta",
            ["Description"] = "Manca un pezzo.",
            ["custom-order_number"] = "LH-300001",
            ["custom-delivered_on"] = "ieri",
            ["custom-goodwill_budget"] = "500",
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Matches("id=\"custom-delivered_on-error\"[^>]*>Inserisci una data valida.<", page);
        Assert.Contains("value=\"LH-300001\"", page, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Subject == "Consegna incompleta")));
    }

    [Fact]
    public async Task Only_fields_shown_to_customers_reach_the_ticket_from_the_form()
    {
        var portal = PortalClient.For(app);

        await portal.SubmitAsync("/requests/new", "request", new Dictionary<string, string>
        {
            ["Email"] = "sam.lee@example.test",
            ["Reason"] = "order",
            ["Subject"] = "Late delivery",
            ["Description"] = "It came a week late.",
            ["custom-delivered_on"] = "2026-02-27",
            ["custom-goodwill_budget"] = "500",
        });

        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Subject == "Late delivery"));
        Assert.Equal("2026-02-27", ticket.CustomFields["delivered_on"]);
        Assert.False(ticket.CustomFields.ContainsKey("goodwill_budget"));
    }

    [Fact]
    public async Task A_form_with_missing_fields_comes_back_with_the_problems_and_keeps_what_was_typed()
    {
        var portal = PortalClient.For(app);

        var response = await portal.SubmitAsync("/requests/new", "request", new Dictionary<string, string>
        {
            ["Email"] = "someone@example.test",
            ["Reason"] = "question",
            ["Subject"] = "Kept subject",
            ["Description"] = " ",
        });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("Please fill in this field.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Kept subject\"", page, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Subject == "Kept subject")));
    }

    [Fact]
    public async Task A_robot_that_fills_the_hidden_field_is_thanked_and_nothing_is_stored()
    {
        var portal = PortalClient.For(app);

        var response = await portal.SubmitAsync("/requests/new", "request", new Dictionary<string, string>
        {
            ["Email"] = "bot@spam.test",
            ["Reason"] = "question",
            ["Subject"] = "Cheap watches",
            ["Description"] = "Buy now",
            ["Website"] = "http://spam.test",
        });

        Assert.Contains("Thank you, we have your request.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Customers.AnyAsync(c => c.Identities.Any(i => i.Value == "bot@spam.test"))));
    }

    [Fact]
    public async Task Opening_a_suggested_article_and_leaving_counts_as_deflected_and_sending_anyway_does_not()
    {
        var suggestions = await app.CreateClient().GetStringAsync("/kb/suggest?lang=en&q=how%20do%20I%20return%20my%20washing%20machine");
        var portal = PortalClient.For(app);
        var left = Kalinga.KnowledgeBase.Deflection.NewFormId();
        var sent = Kalinga.KnowledgeBase.Deflection.NewFormId();

        await portal.PageAsync($"/kb/en/articles/return-an-item?from={left}");
        await portal.PageAsync($"/kb/en/articles/return-an-item?from={sent}");
        await portal.SubmitAsync("/requests/new", "request", new Dictionary<string, string>
        {
            ["FormId"] = sent, ["Email"] = "reader@example.test", ["Reason"] = "question", ["Subject"] = "Still a question", ["Description"] = "The article did not cover my model.",
        });
        app.Clock.Advance(TimeSpan.FromHours(1));
        var supervisor = await app.ClientAsync(Kalinga.Agents.AgentRole.Supervisor);
        var report = await supervisor.GetAsync<Kalinga.KnowledgeBase.DeflectionReport>(
            $"/api/v1/kb/deflection?from={KalingaApp.Start.AddDays(-1):O}&to={KalingaApp.Start.AddDays(1):O}".Replace("+", "%2B", StringComparison.Ordinal));

        Assert.Contains("\"url\":\"/kb/en/articles/return-an-item\"", suggestions, StringComparison.Ordinal);
        Assert.Equal(2, report.FormsWithArticlesOpened);
        Assert.Equal(1, report.SubmittedAnyway);
        Assert.Equal(1, report.Deflected);
        Assert.Equal("return-an-item", Assert.Single(report.TopArticles).Key);
    }
}
