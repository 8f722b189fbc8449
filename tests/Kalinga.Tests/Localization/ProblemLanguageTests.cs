using System.Net;
using System.Net.Http.Headers;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Localization;

public sealed class ProblemLanguageTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Theory]
    [InlineData(null, "The request breaks a rule.")]
    [InlineData("pl-PL,pl;q=0.9,en;q=0.8", "Żądanie narusza regułę.")]
    [InlineData("fil", "May nilalabag na patakaran ang request.")]
    [InlineData("it", "La richiesta viola una regola.")]
    [InlineData("de-DE", "The request breaks a rule.")]
    public async Task Problem_titles_are_in_the_callers_language(string? acceptLanguage, string title)
    {
        var client = await app.ClientAsync();
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var problem = await (await client.PostAsync("/api/v1/contact-reasons", new { code = "Not Snake Case", name = "x" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(title, problem.Title);
        Assert.Contains("code", problem.Errors!.Keys);
    }
}
