using System.Text.RegularExpressions;
using Kalinga.BrowserTests.Infrastructure;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

/// <summary>The knowledge base in the agent workspace: writing and publishing, versions, bulletins and suggestions on a ticket.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class KnowledgeBaseTests(WorkspaceApp app)
{
    private const string Supervisor = "supervisor@lumenhome.test";

    [Fact]
    public async Task An_agent_drafts_a_translation_a_supervisor_publishes_it_and_restoring_version_one_brings_the_old_text_back()
    {
        const string Old = "Status aktualizuje się co kilka godzin.";
        const string New = "Od dziś paczki śledzisz także w aplikacji Lumen Home.";
        var portal = await app.NewPageAsync("pl-PL");
        var agent = await app.SignInAsync(WorkspaceApp.Emma);

        await agent.GetByRole(AriaRole.Link, new() { Name = "Knowledge base", Exact = true }).ClickAsync();
        await agent.Locator("#kb-q").FillAsync("track your order");
        await agent.GetByTestId("kb-row-track-your-order").GetByRole(AriaRole.Link).First.ClickAsync();
        await agent.Locator("#kb-tab-pl").ClickAsync();
        await Assertions.Expect(agent.Locator("#kb-body")).ToHaveValueAsync(new Regex(Regex.Escape(Old)));
        await agent.Locator("#kb-body").FillAsync("## Śledzenie\n\n" + New);
        await Assertions.Expect(agent.GetByTestId("kb-preview").Locator("h2")).ToHaveTextAsync(["Śledzenie"]);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("kb-draft-saved")).ToContainTextAsync("Emma Clarke");
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true })).ToBeDisabledAsync();
        await Assertions.Expect(agent.Locator("#kb-publish-why")).ToBeVisibleAsync();
        await portal.GotoAsync("/kb/pl/articles/track-your-order");
        await Assertions.Expect(portal.Locator("article")).Not.ToContainTextAsync(New);

        var supervisor = await app.SignInAsync(Supervisor);
        await supervisor.GotoAsync("/agent/kb/articles/track-your-order?lang=pl");
        await Assertions.Expect(supervisor.Locator("#kb-body")).ToHaveValueAsync(new Regex(Regex.Escape(New)));
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("kb-published")).ToContainTextAsync("version 2");
        await Assertions.Expect(supervisor.GetByTestId("kb-portal-link")).ToHaveTextAsync("http://localhost:5080/kb/pl/articles/track-your-order");
        await portal.ReloadAsync();
        await Assertions.Expect(portal.Locator("article")).ToContainTextAsync(New);

        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#kb-body")).ToHaveValueAsync(new Regex(Regex.Escape(Old)));
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("kb-published")).ToContainTextAsync("version 3");
        await portal.ReloadAsync();
        await Assertions.Expect(portal.Locator("article")).ToContainTextAsync(Old);
        await Assertions.Expect(portal.Locator("article")).Not.ToContainTextAsync(New);
    }

    [Fact]
    public async Task An_agent_creates_an_article_as_a_draft_and_the_list_shows_it_as_a_draft_in_that_language_only()
    {
        var page = await app.SignInAsync(WorkspaceApp.Emma);
        await page.GotoAsync("/agent/kb");

        await page.GetByRole(AriaRole.Link, new() { Name = "New article" }).First.ClickAsync();
        await page.Locator("#kb-new-key").FillAsync("kb-browser-gift-cards");
        await page.Locator("#kb-new-section").SelectOptionAsync("returns");
        await page.Locator("#kb-new-language").SelectOptionAsync("it");
        await page.Locator("#kb-title").FillAsync("Carte regalo");
        await page.Locator("#kb-summary").FillAsync("Le carte regalo non si restituiscono.");
        await page.Locator("#kb-body").FillAsync("Le **carte regalo** non si possono restituire.");
        await Assertions.Expect(page.Locator(".k-kb-preview strong")).ToHaveTextAsync("carte regalo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();

        await Assertions.Expect(page.Locator("#kb-tab-it")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.GetByTestId("kb-draft-saved")).ToContainTextAsync("Emma Clarke");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the articles" }).ClickAsync();
        await page.Locator("#kb-language").SelectOptionAsync("it");
        await page.Locator("#kb-state").SelectOptionAsync("Draft");
        var row = page.GetByTestId("kb-row-kb-browser-gift-cards");
        await Assertions.Expect(row).ToContainTextAsync("Carte regalo");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("Missing");
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("Draft");
    }

    [Fact]
    public async Task A_new_bulletin_is_unread_for_an_agent_until_confirmed_and_the_supervisor_sees_who_read_it()
    {
        const string Key = "kb-browser-bulletin";
        var agent = await app.SignInAsync(WorkspaceApp.Oliver);
        var badge = agent.GetByTestId("bulletins-unread");
        var before = await badge.CountAsync() == 0 ? 0 : int.Parse(await badge.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var supervisorApi = await app.ClientAsync(Kalinga.Agents.AgentRole.Supervisor);
        (await supervisorApi.PostAsync("/api/v1/kb/articles", new
        {
            key = Key, sectionKey = "bulletins", language = "en", title = "Holiday opening hours",
            body = "The Makati office closes at 15:00 on 24 December.", mustRead = true, publish = true,
        })).EnsureSuccessStatusCode();

        // The open workspace counts the new bulletin without a reload.
        await Assertions.Expect(badge).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        before++;
        await agent.GetByRole(AriaRole.Link, new() { Name = $"Must-read bulletins, {before} unread" }).ClickAsync();
        var item = agent.GetByTestId("bulletin-" + Key);
        await Assertions.Expect(item).ToContainTextAsync("Unread");
        await item.GetByRole(AriaRole.Link, new() { Name = "Holiday opening hours" }).ClickAsync();
        await Assertions.Expect(agent.Locator("article")).ToContainTextAsync("closes at 15:00");
        await agent.GetByRole(AriaRole.Button, new() { Name = "I have read this bulletin" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("bulletin-read")).ToBeVisibleAsync();
        if (before == 1)
        {
            await Assertions.Expect(badge).ToHaveCountAsync(0);
        }
        else
        {
            await Assertions.Expect(badge).ToHaveTextAsync((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await agent.GetByRole(AriaRole.Link, new() { Name = "Back to the bulletins" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("bulletin-" + Key)).Not.ToContainTextAsync("Unread");

        var supervisor = await app.SignInAsync(Supervisor);
        await supervisor.GotoAsync("/agent/kb/bulletins/" + Key);
        var readers = supervisor.GetByTestId("readers");
        await Assertions.Expect(readers.Locator("tr", new() { HasText = "Oliver Hughes" })).ToContainTextAsync("Read ");
        await Assertions.Expect(readers.Locator("tr", new() { HasText = "Emma Clarke" })).ToContainTextAsync("Not read yet");
    }

    [Fact]
    public async Task The_article_suggested_in_the_customers_language_goes_into_the_reply_as_a_portal_link()
    {
        const string Url = "http://localhost:5080/kb/pl/articles/washing-machine-error-codes";
        var ticket = await app.NewTicketAsync("Pralka pokazuje kod błędu E03", "Dzień dobry, moja pralka AquaWash pokazuje kod błędu E03 i woda nie odpływa.", "ewa.kb@example.test", language: "pl");
        var page = await app.SignInAsync(WorkspaceApp.Oliver);

        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        var suggestion = page.GetByTestId("kb-suggestion-washing-machine-error-codes");
        await Assertions.Expect(suggestion).ToContainTextAsync("Kody błędów pralki AquaWash");
        await suggestion.Locator("button", new() { HasText = "Insert link" }).ClickAsync();
        await Assertions.Expect(page.Locator("#composer-text")).ToHaveValueAsync(new Regex(Regex.Escape(Url)));
        await page.Locator("#kb-panel-q").FillAsync("AquaWash Pro");
        var bulletin = page.GetByTestId("kb-suggestion-internal-new-product-aquawash-pro");
        await Assertions.Expect(bulletin).ToContainTextAsync("For agents only");
        await Assertions.Expect(bulletin.Locator("button")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

        await Assertions.Expect(page.Locator($".k-message-out a[href='{Url}']")).ToBeVisibleAsync();
        var sent = await app.InScopeAsync(sp => sp.GetRequiredService<Kalinga.Data.KalingaDb>().Messages
            .Where(m => m.TicketId == ticket.Id && m.Direction == Kalinga.Tickets.MessageDirection.Out).Select(m => m.Text).SingleAsync());
        Assert.Contains(Url, sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_uploads_a_pdf_guide_inserts_its_link_and_the_preview_points_at_it_in_the_articles_language()
    {
        var page = await app.SignInAsync(Supervisor);
        await page.GotoAsync("/agent/kb/articles/fridge-not-cooling?lang=it");
        await Assertions.Expect(page.Locator("#kb-body")).ToBeVisibleAsync();

        await page.GetByText("Guides and images").ClickAsync();
        await page.Locator("#kb-file").SetInputFilesAsync(new FilePayload
        {
            Name = "Guida Frigo.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(),
        });
        await Assertions.Expect(page.Locator("#kb-file-name")).ToHaveValueAsync("guida-frigo.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Insert link into the text" }).ClickAsync();

        await Assertions.Expect(page.Locator("#kb-body")).ToHaveValueAsync(new Regex(Regex.Escape("[guida-frigo.pdf](/kb/files/guida-frigo.pdf)")));
        await Assertions.Expect(page.GetByTestId("kb-preview").Locator("a[href='/kb/files/guida-frigo.pdf?lang=it']")).ToBeVisibleAsync();
        var download = await page.APIRequest.GetAsync("/kb/files/guida-frigo.pdf?lang=it");
        Assert.Equal(200, download.Status);
        Assert.StartsWith("%PDF-", await download.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_375_px_phone_the_article_list_the_editor_and_the_ticket_panel_fit_without_sideways_scrolling()
    {
        var ticket = await app.NewTicketAsync("Refund for my order", "When do I get the refund for my returned fridge?", "phone.kb@example.test");
        var page = await app.SignInAsync(WorkspaceApp.Emma, width: 375, height: 740);

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Knowledge base", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("kb-row-refund-timelines")).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(page);

        await page.GetByTestId("kb-row-refund-timelines").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator("#kb-body")).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(page);

        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        await Assertions.Expect(page.GetByTestId("kb-suggestion-refund-timelines")).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(page);
    }

    private static async Task NoSidewaysScrollAsync(IPage page)
    {
        var widest = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className).slice(0, 5).join(', ')");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"The page scrolls sideways at 375 px: {widest}");
    }
}
