using System.Net.Http.Json;
using Kalinga.Agents;
using Kalinga.KnowledgeBase;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.KnowledgeBase;

/// <summary>What the agent workspace asks of the knowledge base: a filtered article list and suggestions ready to insert.</summary>
public sealed class WorkspaceKbTests(WorkspaceKbTests.App app) : IClassFixture<WorkspaceKbTests.App>
{
    public sealed class App : KalingaApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await HelpCenterSamples.LoadAsync(this);
        }
    }

    [Fact]
    public async Task The_article_list_filters_by_category_audience_and_the_state_of_each_language()
    {
        var agent = await app.ClientAsync(AgentRole.Agent);

        var returns = await agent.GetAsync<List<ArticleListItem>>("/api/v1/kb/articles?category=returns");
        var internalOnes = await agent.GetAsync<List<ArticleListItem>>("/api/v1/kb/articles?internal=true");
        var polishLive = await agent.GetAsync<List<ArticleListItem>>("/api/v1/kb/articles?language=pl&state=published");
        var polishMissing = await agent.GetAsync<List<ArticleListItem>>("/api/v1/kb/articles?language=pl&state=missing&internal=false");
        await (await agent.PutAsJsonAsync("/api/v1/kb/articles/refund-times/translations/pl/draft",
            new { title = "Kiedy wraca zwrot pieniędzy", body = "Zwrot na kartę trwa 3–5 dni roboczych." }, Api.Json)).ReadAsync<ArticleDetails>();
        var polishDrafts = await agent.GetAsync<List<ArticleListItem>>("/api/v1/kb/articles?language=pl&state=draft");
        var polishMissingAfter = await agent.GetAsync<List<ArticleListItem>>("/api/v1/kb/articles?language=pl&state=missing&internal=false");

        Assert.Equal(["refund-times", "return-an-item"], returns.Select(a => a.Key));
        Assert.All(returns, a => Assert.Equal("returns", a.CategoryKey));
        Assert.Equal(["new-model-bulletin"], internalOnes.Select(a => a.Key));
        Assert.Equal(["error-codes", "return-an-item"], polishLive.Select(a => a.Key));
        Assert.Equal(["refund-times"], polishMissing.Select(a => a.Key));
        Assert.Equal(["refund-times"], polishDrafts.Select(a => a.Key));
        Assert.Contains(polishDrafts[0].Translations, t => t is { Language: "pl", Published: false, HasDraft: true, Title: "Kiedy wraca zwrot pieniędzy" });
        Assert.Empty(polishMissingAfter);
    }

    [Fact]
    public async Task An_unknown_language_state_is_a_clear_bad_request()
    {
        var agent = await app.ClientAsync(AgentRole.Agent);

        var problem = await (await agent.GetAsync("/api/v1/kb/articles?language=pl&state=finished")).ProblemAsync(System.Net.HttpStatusCode.BadRequest);

        Assert.Equal(["Use published, draft or missing."], problem.Errors!["state"]);
    }

    [Fact]
    public async Task Suggestions_carry_the_portal_address_and_the_text_as_plain_text_with_full_links()
    {
        var agent = await app.ClientAsync(AgentRole.Agent);
        var ticket = await agent.CreateTicketAsync(subject: "Error E03 on my AquaWash", text: "The washing machine shows error code E03 and the water is not draining.", email: "codes@example.test", extra: new { language = "en" });

        var suggestions = await agent.GetAsync<List<ArticleSuggestion>>($"/api/v1/tickets/{ticket.Number}/kb-suggestions");

        var codes = Assert.Single(suggestions, s => s.Key == "error-codes");
        Assert.Equal("http://localhost:5080/kb/en/articles/error-codes", codes.PublicUrl);
        Assert.Contains("E03 – Water not draining", codes.ReplyText, StringComparison.Ordinal);
        Assert.Contains("Download the PDF guide (http://localhost:5080/kb/files/error-codes.pdf?lang=en)", codes.ReplyText, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(1)", codes.ReplyText, StringComparison.Ordinal);
        Assert.DoesNotContain("|", codes.ReplyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbered_steps_stay_numbered_in_the_reply_text_of_the_customers_language()
    {
        var agent = await app.ClientAsync(AgentRole.Agent);
        var ticket = await agent.CreateTicketAsync(subject: "Zwrot", text: "Chcę zwrócić pralkę.", email: "kroki@example.test", extra: new { language = "pl" });

        var suggestions = await agent.GetAsync<List<ArticleSuggestion>>($"/api/v1/tickets/{ticket.Number}/kb-suggestions");

        var returns = Assert.Single(suggestions, s => s.Key == "return-an-item");
        Assert.Equal("http://localhost:5080/kb/pl/articles/return-an-item", returns.PublicUrl);
        Assert.Contains("Kroki\n\n1. Zgłoś zwrot w portalu.\n2. Zapakuj pralkę lub paczkę.\n3. Nadaj paczkę w Łodzi albo w innym biurze.", returns.ReplyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_search_finds_other_articles_and_internal_ones_are_never_ready_for_a_reply()
    {
        var agent = await app.ClientAsync(AgentRole.Agent);
        var ticket = await agent.CreateTicketAsync(subject: "Question", text: "When will my money come back?", email: "typed@example.test", extra: new { language = "en" });

        var refunds = await agent.GetAsync<List<ArticleSuggestion>>($"/api/v1/tickets/{ticket.Number}/kb-suggestions?q=refunds%20card");
        var launch = await agent.GetAsync<List<ArticleSuggestion>>($"/api/v1/tickets/{ticket.Number}/kb-suggestions?q=AquaWash%20Pro");

        Assert.Equal(["refund-times"], refunds.Select(s => s.Key));
        Assert.StartsWith("Refunds to a card take 3 to 5 working days", refunds[0].ReplyText, StringComparison.Ordinal);
        var bulletin = Assert.Single(launch, s => s.Key == "new-model-bulletin");
        Assert.True(bulletin.Internal);
        Assert.Null(bulletin.PublicUrl);
        Assert.Null(bulletin.ReplyText);
    }
}
