using System.Text.RegularExpressions;
using Kalinga.Localization;
using Kalinga.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kalinga.BrowserTests;

/// <summary>Customers' journeys through the portal in each of the four languages, as the browser's language chooses it.</summary>
public sealed class PortalJourneyTests(PortalApp app) : IClassFixture<PortalApp>
{
    public static TheoryData<string, string, string, string> Searches => new()
    {
        { "en", "en-GB", "washing machine", "How to return an item" },
        { "fil", "fil-PH", "washing machine", "Paano magbalik ng item" },
        { "pl", "pl-PL", "pralke", "Jak zwrócić produkt" },
        { "it", "it-IT", "lavatrice", "Come restituire un prodotto" },
    };

    public static TheoryData<string, string, string> Requests => new()
    {
        { "en", "en-GB", "I want to return my washing machine, it is too loud." },
        { "fil", "fil-PH", "Gusto kong ibalik ang washing machine, sobrang ingay." },
        { "pl", "pl-PL", "Chcę zwrócić pralkę, jest za głośna." },
        { "it", "it-IT", "Vorrei restituire la lavatrice, è troppo rumorosa." },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task A_customer_searches_opens_an_article_and_marks_it_helpful(string language, string locale, string query, string title)
    {
        var page = await app.NewPageAsync(locale);

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PortalText.Get("Home.Title", language));
        await page.Locator("#kb-q").FillAsync(query);
        await page.Locator("#kb-q").PressAsync("Enter");
        await page.Locator("ol.results a", new() { HasText = title }).ClickAsync();
        await Assertions.Expect(page.Locator("article h1")).ToHaveTextAsync(title);
        await page.Locator("button[name=Helpful][value=yes]").ClickAsync();

        await Assertions.Expect(page.Locator(".feedback [role=status]")).ToHaveTextAsync(PortalText.Get("Article.Thanks", language));
        Assert.Matches($"/kb/{language}/articles/return-an-item", page.Url);
        var helpful = await app.WithDbAsync(db => db.ArticleTranslations
            .Where(t => t.Language == language && db.Articles.Any(a => a.Id == t.ArticleId && a.Key == "return-an-item")).Select(t => t.HelpfulCount).SingleAsync());
        Assert.True(helpful >= 1);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_request_answered_by_an_agent_is_read_after_signing_in_with_the_link(string language, string locale, string description)
    {
        var email = $"journey.{language}@example.test";
        var page = await app.NewPageAsync(locale);

        await page.GotoAsync("/requests/new");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PortalText.Get("New.Title", language));
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#name").FillAsync("Journey " + language);
        await page.Locator("#reason").SelectOptionAsync("after_sales");
        await page.Locator("#subject").FillAsync($"Return ({language})");
        await page.Locator("#description").PressSequentiallyAsync(description, new() { Delay = 5 });

        // While the customer types, the help center suggests the article that answers it.
        await Assertions.Expect(page.Locator("#suggestions a").First).ToBeVisibleAsync();
        await page.Locator(".request-form button[type=submit]").ClickAsync();
        var confirmation = await page.Locator(".notice.success").InnerTextAsync();
        var number = long.Parse(Regex.Match(confirmation, @"#(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var agent = await app.ClientAsync(Kalinga.Agents.AgentRole.Agent);
        var answer = $"Answer {language}: we collect it on Monday.";
        (await agent.PostAsync($"/api/v1/tickets/{number}/replies", new { text = answer })).EnsureSuccessStatusCode();

        await page.GotoAsync("/requests/sign-in");
        await page.Locator("#link-email").FillAsync(email);
        await page.Locator("form:has(#link-email) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToBeVisibleAsync();
        await page.GotoAsync(await app.SignInLinkAsync(email));
        await page.Locator("form button.button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new Regex(Regex.Escape(PortalText.Get("Nav.MyRequests", language))));
        await page.Locator("table.requests a", new() { HasText = $"Return ({language})" }).ClickAsync();

        await Assertions.Expect(page.Locator(".thread .from-agent")).ToContainTextAsync(answer);
        await Assertions.Expect(page.Locator(".thread .from-customer").First).ToContainTextAsync(description);
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task Two_customers_in_two_browsers_never_see_each_others_requests()
    {
        var first = await SignedInCustomerAsync("first.customer@example.test", "First customer's fridge");
        var second = await SignedInCustomerAsync("second.customer@example.test", "Second customer's laptop");
        var secondNumber = await app.WithDbAsync(db => db.Tickets.Where(t => t.Subject == "Second customer's laptop").Select(t => t.Number).SingleAsync());

        await first.GotoAsync("/requests");
        await Assertions.Expect(first.Locator("table.requests")).ToContainTextAsync("First customer's fridge");
        await Assertions.Expect(first.Locator("table.requests")).Not.ToContainTextAsync("Second customer");
        var response = await first.GotoAsync($"/requests/{secondNumber}");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(first.Locator("h1")).ToHaveTextAsync(PortalText.Get("NotFound.Title", "en"));
        await Assertions.Expect(first.Locator("body")).Not.ToContainTextAsync("laptop");
        await second.GotoAsync("/requests");
        await Assertions.Expect(second.Locator("table.requests")).Not.ToContainTextAsync("fridge");
    }

    private async Task<IPage> SignedInCustomerAsync(string email, string subject)
    {
        var admin = await app.ClientAsync();
        await admin.CreateTicketAsync(subject: subject, email: email, channel: "web");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/requests/sign-in");
        await page.Locator("#link-email").FillAsync(email);
        await page.Locator("form:has(#link-email) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".notice.success")).ToBeVisibleAsync();
        await page.GotoAsync(await app.SignInLinkAsync(email));
        await page.Locator("form button.button").ClickAsync();
        await Assertions.Expect(page.Locator("table.requests")).ToContainTextAsync(subject);
        return page;
    }
}
