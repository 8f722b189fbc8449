using System.Net;
using Kalinga.Tests.Customers;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;

namespace Kalinga.Tests.Localization;

/// <summary>
/// A refused request (a configuration change, a ticket, customer or knowledge-base change, or a body of the wrong shape)
/// is explained in the caller's language (Accept-Language), while the keys of <c>errors</c> keep naming the fields, so
/// programs can still tell which field was wrong.
/// </summary>
public sealed class LocalizedRefusalTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task An_opening_period_that_ends_before_it_starts_is_refused_in_italian_naming_the_field()
    {
        var client = await app.ClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("it");

        var problem = await (await client.PostAsync("/api/v1/calendars", new
        {
            name = "Milano", timeZone = "Europe/Rome", hours = new[] { new { day = "monday", from = "18:00", to = "09:00" } },
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Una fascia termina dopo il suo inizio, nello stesso giorno."], problem.Errors!["hours[0].to"]);
    }

    [Fact]
    public async Task A_team_name_taken_twice_is_a_polish_409_with_the_name_in_it_and_english_without_a_language()
    {
        var polish = await app.ClientAsync();
        polish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pl");
        var english = await app.ClientAsync();
        (await polish.PostAsync("/api/v1/teams", new { name = "Serwis Kraków" })).EnsureSuccessStatusCode();

        var inPolish = await (await polish.PostAsync("/api/v1/teams", new { name = "Serwis Kraków" })).ProblemAsync(HttpStatusCode.Conflict);
        var inEnglish = await (await english.PostAsync("/api/v1/teams", new { name = "Serwis Kraków" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["Istnieje już zespół o nazwie 'Serwis Kraków'."], inPolish.Errors!["name"]);
        Assert.Equal(["There is already a team called 'Serwis Kraków'."], inEnglish.Errors!["name"]);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_kind_is_refused_in_italian_naming_the_parameter()
    {
        var client = await app.ClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("it");

        var problem = await (await client.GetAsync("/api/v1/tickets?limit=tanti")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Alcuni campi mancano o non sono validi.", problem.Title);
        Assert.Equal(["«tanti» non è un valore valido qui."], problem.Errors!["limit"]);
    }

    [Fact]
    public async Task A_rule_with_too_many_actions_is_refused_in_filipino_with_the_limit_in_the_text()
    {
        var client = await app.ClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fil");

        var problem = await (await client.PostAsync("/api/v1/rules", new
        {
            name = "Too busy",
            events = new[] { "ticket.created" },
            conditions = new { all = new object[] { new { field = "subject", op = "contains", value = "busy" } } },
            actions = Enumerable.Range(0, 21).Select(i => new { type = "add_tags", tags = new[] { $"t{i}" } }).ToArray(),
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Magbigay ng 1 hanggang 20 na aksiyon."], problem.Errors!["actions"]);
    }

    [Fact]
    public async Task Closing_a_ticket_that_is_not_solved_is_refused_in_italian()
    {
        var client = await app.ClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("it-IT,it;q=0.9");
        var ticket = await client.CreateTicketAsync(subject: "Lavatrice rotta", email: "giulia.bianchi@example.test");

        var problem = await (await client.PatchAsync($"/api/v1/tickets/{ticket.Number}", new { status = "closed" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("La richiesta viola una regola.", problem.Title);
        Assert.Equal(["Si può chiudere solo un ticket risolto."], problem.Errors!["status"]);
    }

    [Fact]
    public async Task An_address_another_customer_holds_is_a_polish_409_naming_that_customer()
    {
        var client = await app.ClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pl");
        var first = await client.CreateCustomerAsync(new { name = "Anna Nowak", email = "anna.nowak@example.test" });

        var problem = await (await client.PostAsync("/api/v1/customers", new { name = "A. Nowak", email = "Anna.Nowak@Example.TEST" }))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal([$"'anna.nowak@example.test' należy już do klienta {first.Id}; zamiast tego scal obu klientów."], problem.Errors!["email"]);
    }

    [Fact]
    public async Task An_article_in_a_section_that_does_not_exist_is_refused_in_filipino_naming_the_section()
    {
        var client = await app.ClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fil");

        var problem = await (await client.PostAsync("/api/v1/kb/articles", new
        {
            key = "bayad-sa-gcash", sectionKey = "walang-ganito", language = "fil", title = "Pagbayad sa GCash", body = "Puwedeng magbayad sa GCash.",
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Walang section na 'walang-ganito'."], problem.Errors!["sectionKey"]);
    }

    [Fact]
    public async Task A_body_with_a_missing_field_and_a_too_long_subject_is_refused_in_italian_naming_both_fields()
    {
        var client = await app.ClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("it");

        var problem = await (await client.PostAsync("/api/v1/tickets", new { subject = new string('x', 501), message = new { text = "Ciao" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Alcuni campi mancano o non sono validi.", problem.Title);
        Assert.Equal(["Questo campo è obbligatorio."], problem.Errors!["customer"]);
        Assert.Equal(["Da 1 a 500 caratteri."], problem.Errors!["subject"]);
    }

    [Fact]
    public async Task A_misspelt_field_in_the_body_is_explained_in_polish_and_in_english_without_a_language()
    {
        var polish = await app.ClientAsync();
        polish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pl");
        var english = await app.ClientAsync();
        var body = new { name = "Jan Kowalski", emial = "jan@example.test" };

        var inPolish = await (await polish.PostAsync("/api/v1/customers", body)).ProblemAsync(HttpStatusCode.BadRequest);
        var inEnglish = await (await english.PostAsync("/api/v1/customers", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Nieznane pole; sprawdź jego pisownię w dokumentacji API pod /api/docs."], inPolish.Errors!["emial"]);
        Assert.Equal(["Unknown field; check its spelling against the API reference at /api/docs."], inEnglish.Errors!["emial"]);
    }

    [Fact]
    public async Task A_bulk_change_naming_no_ticket_is_refused_in_polish_and_its_missing_ticket_is_reported_in_polish()
    {
        var client = await app.ClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pl");

        var empty = await (await client.PostAsync("/api/v1/tickets/bulk", new { numbers = Array.Empty<long>(), status = "pending" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var outcomes = await (await client.PostAsync("/api/v1/tickets/bulk", new { numbers = new[] { 987654L }, status = "pending" }))
            .ReadAsync<List<BulkOutcome>>();

        Assert.Equal(["Podaj 1 lub więcej wartości."], empty.Errors!["numbers"]);
        Assert.Equal(new BulkOutcome(987654, "Nie ma zgłoszenia 987654."), Assert.Single(outcomes));
    }
}
