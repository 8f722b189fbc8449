using System.Net;
using Kalinga.KnowledgeBase;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Tests.KnowledgeBase;

public sealed class HelpCenterTests(HelpCenterTests.App app) : IClassFixture<HelpCenterTests.App>
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
    public async Task Importing_the_same_files_again_changes_nothing_and_a_changed_file_becomes_a_new_version()
    {
        var again = await HelpCenterSamples.LoadAsync(app);
        Assert.Equal(0, again.Published);
        Assert.Equal(HelpCenterSamples.Articles.Count, again.Unchanged);

        var versions = await app.WithDbAsync(db => db.ArticleTranslations.Where(t => t.Language == "pl").Select(t => t.PublishedVersion).ToListAsync());
        Assert.All(versions, v => Assert.Equal(1, v));
    }

    [Fact]
    public async Task Search_ignores_diacritics_and_case_in_each_language_and_marks_the_words_found()
    {
        var portal = PortalClient.For(app);

        var polish = await portal.PageAsync("/kb/pl/search?q=LODZ%20zwrocic");
        var italian = await portal.PageAsync("/kb/it/search?q=lavatrice");
        var english = await portal.PageAsync("/kb/en/search?q=washing");

        Assert.Contains("Jak <mark>zwrócić</mark> produkt", polish, StringComparison.Ordinal);
        Assert.Contains("<mark>Łodzi</mark>", polish, StringComparison.Ordinal);
        Assert.Contains("Come restituire un prodotto", italian, StringComparison.Ordinal);
        Assert.DoesNotContain("How to return", italian, StringComparison.Ordinal);
        Assert.Contains("<mark>washing</mark>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_match_in_the_text()
    {
        var client = await app.ClientAsync();

        var results = await client.GetAsync<ArticleMatches>("/api/v1/kb/search?q=refunds&language=en");

        Assert.Equal("refund-times", results.Items[0].Key);
    }

    [Fact]
    public async Task Internal_articles_stay_out_of_the_portal_but_agents_find_them()
    {
        var portal = PortalClient.For(app);
        var client = await app.ClientAsync(Kalinga.Agents.AgentRole.Agent);

        await portal.PageAsync("/kb/en/articles/new-model-bulletin", HttpStatusCode.NotFound);
        var search = await portal.PageAsync("/kb/en/search?q=aquawash%20pro");
        var suggestions = await app.CreateClient().GetStringAsync("/kb/suggest?q=AquaWash%20Pro%20launch%20door%20seal&lang=en");
        var sitemap = await app.CreateClient().GetStringAsync("/sitemap.xml");
        var agentSearch = await client.GetAsync<ArticleMatches>("/api/v1/kb/search?q=aquawash%20pro&language=en");

        Assert.DoesNotContain("AquaWash Pro launch", search, StringComparison.Ordinal);
        Assert.DoesNotContain("new-model-bulletin", suggestions, StringComparison.Ordinal);
        Assert.DoesNotContain("new-model-bulletin", sitemap, StringComparison.Ordinal);
        Assert.Contains(agentSearch.Items, i => i is { Key: "new-model-bulletin", Internal: true });
    }

    [Fact]
    public async Task An_article_missing_in_the_readers_language_is_shown_in_English_with_a_notice_and_an_English_canonical()
    {
        var portal = PortalClient.For(app);

        var page = await portal.PageAsync("/kb/fil/articles/refund-times");

        Assert.Contains("Wala pang bersyon sa Filipino", page, StringComparison.Ordinal);
        Assert.Contains("When refunds arrive", page, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/kb/en/articles/refund-times\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_translation_has_its_own_address_with_hreflang_alternates_and_the_sitemap_lists_them()
    {
        var portal = PortalClient.For(app);

        var page = await portal.PageAsync("/kb/pl/articles/return-an-item");
        var sitemap = await app.CreateClient().GetStringAsync("/sitemap.xml");

        Assert.Contains("<html lang=\"pl\">", page, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/kb/pl/articles/return-an-item\"", page, StringComparison.Ordinal);
        foreach (var language in new[] { "en", "fil", "pl", "it" })
        {
            Assert.Contains($"hreflang=\"{language}\" href=\"http://localhost/kb/{language}/articles/return-an-item\"", page, StringComparison.Ordinal);
            Assert.Contains($"<loc>http://localhost/kb/{language}/articles/return-an-item</loc>", sitemap, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Articles_render_tables_and_privacy_enhanced_videos_but_never_scripts()
    {
        var portal = PortalClient.For(app);

        var codes = await portal.PageAsync("/kb/en/articles/error-codes");
        var returns = await portal.PageAsync("/kb/en/articles/return-an-item");

        Assert.Contains("<td>Door not locked</td>", codes, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(1)", codes, StringComparison.Ordinal);
        Assert.Contains("href=\"/kb/files/error-codes.pdf?lang=en\"", codes, StringComparison.Ordinal);
        Assert.Contains("<iframe class=\"kb-video\" src=\"https://www.youtube-nocookie.com/embed/lumen-return\"", returns, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_vote_and_comment_and_every_read_is_counted()
    {
        var portal = PortalClient.For(app);
        var before = await ViewsAsync("error-codes", "en");

        await portal.PageAsync("/kb/en/articles/error-codes");
        var voted = await portal.SubmitAsync("/kb/en/articles/error-codes", "feedback", new Dictionary<string, string> { ["Helpful"] = "no", ["Comment"] = "Please add E10." });
        var client = await app.ClientAsync(Kalinga.Agents.AgentRole.Agent);
        var feedback = await client.GetAsync<List<FeedbackView>>("/api/v1/kb/articles/error-codes/feedback");

        Assert.Equal(HttpStatusCode.OK, voted.StatusCode);
        Assert.Contains("Thank you for your feedback!", await voted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(feedback, f => f is { Helpful: false, Comment: "Please add E10.", Language: "en" });
        Assert.Equal(before + 3, await ViewsAsync("error-codes", "en"));
        Assert.Equal(1, await app.WithDbAsync(db => db.ArticleTranslations.Where(t => t.Language == "en" && db.Articles.Any(a => a.Id == t.ArticleId && a.Key == "error-codes")).Select(t => t.NotHelpfulCount).SingleAsync()));
    }

    private Task<long> ViewsAsync(string key, string language) =>
        app.WithDbAsync(db => db.ArticleTranslations.Where(t => t.Language == language && db.Articles.Any(a => a.Id == t.ArticleId && a.Key == key)).Select(t => t.ViewCount).SingleAsync());
}
