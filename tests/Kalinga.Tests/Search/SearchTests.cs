using System.Net;
using Kalinga.Search;
using Kalinga.Tickets;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Search;

public sealed class SearchTests(SearchTests.App app) : IClassFixture<SearchTests.App>
{
    [Theory]
    [InlineData("zamowienie", "Zamówienie LH-204913 nie dotarło")]
    [InlineData("ZAMÓWIENIE", "Zamówienie LH-204913 nie dotarło")]
    [InlineData("przesylka lodz", "Zamówienie LH-204913 nie dotarło")]
    [InlineData("perche gia", "Rimborso non ricevuto")]
    [InlineData("rimborso", "Rimborso non ricevuto")]
    [InlineData("kuryente", "Walang kuryente ang aircon")]
    [InlineData("washing", "Washing machine will not spin")]
    [InlineData("\"will not spin\"", "Washing machine will not spin")]
    [InlineData("lh-204913", "Zamówienie LH-204913 nie dotarło")]
    [InlineData("zamow", "Zamówienie LH-204913 nie dotarło")]
    public async Task Words_are_found_in_every_language_without_case_or_accents(string query, string subject)
    {
        var client = await app.ReadyAsync();

        var results = await client.GetAsync<SearchResults>($"/api/v1/search?q={Uri.EscapeDataString(query)}");

        Assert.Contains(results.Items, r => r.Ticket.Subject == subject);
    }

    [Fact]
    public async Task A_subject_match_ranks_above_a_body_match_and_the_snippet_shows_the_words()
    {
        var client = await app.ReadyAsync();

        var results = await client.GetAsync<SearchResults>("/api/v1/search?q=spin");

        Assert.Equal("Washing machine will not spin", results.Items[0].Ticket.Subject);
        var bodyHit = Assert.Single(results.Items, r => r.MessageId is not null && r.Ticket.Subject == "Dryer noise");
        Assert.Contains("spin", bodyHit.Snippet, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Filters_apply_to_search_results()
    {
        var client = await app.ReadyAsync();

        var italian = await client.GetAsync<SearchResults>("/api/v1/search?q=spin&language=it");
        var complaints = await client.GetAsync<SearchResults>("/api/v1/search?q=zamowienie&reason=complaint");

        Assert.Empty(italian.Items);
        Assert.Equal(["Zamówienie LH-204913 nie dotarło"], complaints.Items.Select(r => r.Ticket.Subject));
    }

    [Fact]
    public async Task Nothing_to_search_for_is_a_400_and_no_match_is_an_empty_list()
    {
        var client = await app.ReadyAsync();

        var empty = await (await client.GetAsync("/api/v1/search?q=%20%22%22%20-")).ProblemAsync(HttpStatusCode.BadRequest);
        var none = await client.GetAsync<SearchResults>("/api/v1/search?q=xylophone");
        var hostile = await client.GetAsync<SearchResults>("/api/v1/search?q=" + Uri.EscapeDataString("spin\" OR * NEAR( ') --"));

        Assert.Contains("q", empty.Errors!.Keys);
        Assert.Empty(none.Items);
        Assert.NotNull(hostile.Items);
    }

    [Fact]
    public async Task A_common_word_fills_the_page_and_a_filter_still_finds_older_matches()
    {
        // More than a thousand matching messages: the search reads the newest ones only, in a small window first.
        var client = await app.ReadyAsync();
        var busy = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            busy.Add((await client.CreateTicketAsync(subject: $"Boiler {i}", text: "The quokkameter shows red.", email: "busy@example.test")).Number);
        }

        // Four tickets at a time, each ticket's notes one after another (notes on one ticket at once would conflict).
        async Task NotesAsync(int perTicket) => await Parallel.ForEachAsync(busy, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (number, _) =>
        {
            for (var i = 0; i < perTicket; i++)
            {
                (await client.PostAsync($"/api/v1/tickets/{number}/notes", new { text = $"Quokkameter reading {i} checked." })).EnsureSuccessStatusCode();
            }
        });

        await NotesAsync(24);
        var quiet = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            quiet.Add((await client.CreateTicketAsync(subject: $"Heater {i}", text: "Our quokkameter broke.", email: "quiet@example.test")).Number);
        }

        await NotesAsync(27);

        var newest = await client.GetAsync<SearchResults>("/api/v1/search?q=quokkameter&limit=20");
        var customer = (await client.GetAsync<TicketDetails>($"/api/v1/tickets/{quiet[0]}")).Customer.Id;
        var older = await client.GetAsync<SearchResults>($"/api/v1/search?q=quokkameter&limit=20&customer={customer}");

        Assert.Equal(20, newest.Items.Count);
        Assert.True(newest.HasMore);
        Assert.Equal(newest.Items.Count, newest.Items.Select(r => r.Ticket.Number).Distinct().Count());
        Assert.Equal(quiet, older.Items.Select(r => r.Ticket.Number).Order());
    }

    /// <summary>One set of tickets in four languages for all the search tests of this class.</summary>
    public sealed class App : KalingaApp
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private HttpClient? client;

        public async Task<HttpClient> ReadyAsync()
        {
            await gate.WaitAsync();
            try
            {
                if (client is not null)
                {
                    return client;
                }

                var c = await ClientAsync();
                await c.CreateTicketAsync(subject: "Zamówienie LH-204913 nie dotarło", text: "Przesyłka miała być w Łodzi we wtorek.", reason: "complaint", email: "pl@example.test");
                await c.CreateTicketAsync(subject: "Rimborso non ricevuto", text: "Perché il rimborso non è già arrivato?", email: "it@example.test");
                await c.CreateTicketAsync(subject: "Walang kuryente ang aircon", text: "Hindi po bumubukas ang aircon namin.", email: "fil@example.test");
                await c.CreateTicketAsync(subject: "Washing machine will not spin", text: "The drum does not move at all.", email: "en@example.test");
                await c.CreateTicketAsync(subject: "Dryer noise", text: "Loud bang when the spin cycle starts.", email: "en2@example.test");

                // A desk has many more messages than subjects, which makes a word weigh more in a body than in a subject.
                var chatty = await c.CreateTicketAsync(subject: "Delivery slot", text: "Can you come on Monday?", email: "en3@example.test");
                for (var i = 0; i < 30; i++)
                {
                    (await c.PostAsync($"/api/v1/tickets/{chatty.Number}/notes", new { text = $"Called back, attempt {i}." })).EnsureSuccessStatusCode();
                }

                client = c;
                return c;
            }
            finally
            {
                gate.Release();
            }
        }

        public override async ValueTask DisposeAsync()
        {
            gate.Dispose();
            await base.DisposeAsync();
        }
    }
}
