using System.Net;
using System.Net.Http.Json;
using Kalinga.Agents;
using Kalinga.KnowledgeBase;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.KnowledgeBase;

public sealed class AuthoringTests(AuthoringTests.App app) : IClassFixture<AuthoringTests.App>
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
    public async Task Agents_write_drafts_only_editors_publish_and_an_old_version_can_be_restored()
    {
        var agent = await app.ClientAsync(AgentRole.Agent);
        var editor = await app.ClientAsync(AgentRole.Supervisor);
        var portal = PortalClient.For(app);

        var refused = await agent.PostAsync("/api/v1/kb/articles", new { key = "gift-cards", sectionKey = "sending-back", language = "en", title = "Gift cards", body = "Gift cards cannot be returned.", publish = true });
        var created = await (await agent.PostAsync("/api/v1/kb/articles", new { key = "gift-cards", sectionKey = "sending-back", language = "en", title = "Gift cards", body = "Gift cards cannot be returned." }))
            .ReadAsync<ArticleDetails>(HttpStatusCode.Created);
        await portal.PageAsync("/kb/en/articles/gift-cards", HttpStatusCode.NotFound);
        var agentPublish = await agent.PostAsync("/api/v1/kb/articles/gift-cards/translations/en/publish", new { });
        await (await editor.PostAsync("/api/v1/kb/articles/gift-cards/translations/en/publish", new { })).ReadAsync<ArticleDetails>();
        var firstPage = await portal.PageAsync("/kb/en/articles/gift-cards");

        await (await agent.PutAsJsonAsync("/api/v1/kb/articles/gift-cards/translations/en/draft", new { title = "Gift cards and vouchers", body = "Vouchers can be exchanged within 14 days." }, Api.Json)).ReadAsync<ArticleDetails>();
        var withDraft = await agent.GetAsync<ArticleDetails>("/api/v1/kb/articles/gift-cards");
        var stillFirst = await portal.PageAsync("/kb/en/articles/gift-cards");
        await (await editor.PostAsync("/api/v1/kb/articles/gift-cards/translations/en/publish", new { })).ReadAsync<ArticleDetails>();
        var found = await portal.PageAsync("/kb/en/search?q=vouchers");

        var versions = await agent.GetAsync<List<VersionView>>("/api/v1/kb/articles/gift-cards/translations/en/versions");
        await (await editor.PostAsync("/api/v1/kb/articles/gift-cards/translations/en/versions/1/restore", new { })).ReadAsync<ArticleDetails>();
        var restored = await (await editor.PostAsync("/api/v1/kb/articles/gift-cards/translations/en/publish", new { })).ReadAsync<ArticleDetails>();
        var notFoundAnyMore = await portal.PageAsync("/kb/en/search?q=vouchers");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(created.Translations[0].Published);
        Assert.Equal(HttpStatusCode.Forbidden, agentPublish.StatusCode);
        Assert.Contains("Gift cards cannot be returned.", firstPage, StringComparison.Ordinal);
        Assert.Equal("Gift cards and vouchers", withDraft.Translations[0].Draft?.Title);
        Assert.DoesNotContain("Vouchers can be exchanged", stillFirst, StringComparison.Ordinal);
        Assert.Contains("Gift cards and <mark>vouchers</mark>", found, StringComparison.Ordinal);
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal(3, restored.Translations[0].Version);
        Assert.Equal("Gift cards", restored.Translations[0].Title);
        Assert.DoesNotContain("vouchers</mark>", notFoundAnyMore, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_translation_starts_as_a_draft_and_appears_in_its_language_once_published()
    {
        var editor = await app.ClientAsync(AgentRole.Admin);
        var portal = PortalClient.For(app);

        await (await editor.PutAsJsonAsync("/api/v1/kb/articles/refund-times/translations/it/draft",
            new { title = "Quando arriva il rimborso", summary = "Da 3 a 5 giorni lavorativi.", body = "Il rimborso sulla carta arriva in **3-5 giorni lavorativi**." }, Api.Json)).ReadAsync<ArticleDetails>();
        var before = await portal.PageAsync("/kb/it/articles/refund-times");
        await (await editor.PostAsync("/api/v1/kb/articles/refund-times/translations/it/publish", new { })).ReadAsync<ArticleDetails>();
        var after = await portal.PageAsync("/kb/it/articles/refund-times");

        Assert.Contains("When refunds arrive", before, StringComparison.Ordinal);
        Assert.Contains("Quando arriva il rimborso", after, StringComparison.Ordinal);
        Assert.DoesNotContain("non è ancora disponibile", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Must_read_bulletins_show_who_has_read_them_and_are_due_again_after_a_new_publish()
    {
        var admin = await app.ClientAsync(AgentRole.Admin);
        await admin.CreateAgentAsync("reader@lumen.test");
        await admin.CreateAgentAsync("skipper@lumen.test");
        var reader = await app.SignedInAsync("reader@lumen.test");

        var due = await reader.GetAsync<List<MustReadItem>>("/api/v1/kb/must-read");
        var marked = await reader.PostAsync("/api/v1/kb/articles/new-model-bulletin/read", new { });
        var done = await reader.GetAsync<List<MustReadItem>>("/api/v1/kb/must-read");
        var readers = await admin.GetAsync<List<ReaderView>>("/api/v1/kb/articles/new-model-bulletin/readers");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await (await admin.PutAsJsonAsync("/api/v1/kb/articles/new-model-bulletin/translations/en/draft",
            new { title = "AquaWash Pro launch", body = "Update: the door seal issue is fixed from serial 2411." }, Api.Json)).ReadAsync<ArticleDetails>();
        await (await admin.PostAsync("/api/v1/kb/articles/new-model-bulletin/translations/en/publish", new { })).ReadAsync<ArticleDetails>();
        var dueAgain = await reader.GetAsync<List<MustReadItem>>("/api/v1/kb/must-read");

        Assert.Contains(due, i => i is { Key: "new-model-bulletin", IsRead: false });
        Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
        Assert.Contains(done, i => i is { Key: "new-model-bulletin", IsRead: true });
        Assert.Contains(readers, r => r is { Name: "Agent reader", IsRead: true });
        Assert.Contains(readers, r => r is { Name: "Agent skipper", IsRead: false });
        Assert.Contains(dueAgain, i => i is { Key: "new-model-bulletin", IsRead: false });
    }

    [Fact]
    public async Task Replying_agents_get_articles_matching_the_ticket_in_the_customers_language_as_link_and_text()
    {
        var client = await app.ClientAsync(AgentRole.Agent);
        var ticket = await client.CreateTicketAsync(subject: "Zwrot pralki", text: "Dzień dobry, chcę zwrócić pralkę, jak to zrobić?", email: "marta@example.test", extra: new { language = "pl" });

        var suggestions = await client.GetAsync<List<ArticleSuggestion>>($"/api/v1/tickets/{ticket.Number}/kb-suggestions");

        var first = suggestions[0];
        Assert.Equal("return-an-item", first.Key);
        Assert.Equal("pl", first.Language);
        Assert.Equal("/kb/pl/articles/return-an-item", first.Url);
        Assert.Contains("Zgłoś zwrot w portalu", first.Text, StringComparison.Ordinal);
    }
}
