using System.Net;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Localization;

/// <summary>
/// A refused configuration change is explained in the caller's language (Accept-Language), while the keys of
/// <c>errors</c> keep naming the fields, so programs can still tell which field was wrong.
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
}
