using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kalinga.Bench.Generation;

namespace Kalinga.Bench.Scenarios;

/// <summary>
/// A generated help center for the portal scenarios: 8 categories of 5 sections (the product has no API for the
/// structure, so the bench inserts those rows), then N published articles created through the product's own
/// <c>POST /api/v1/kb/articles</c> with <c>publish: true</c>, so Markdown rendering and the search index are the app's.
/// Articles are spread over the four languages like the tickets (40 % English), titles from the subjects, bodies of a
/// few hundred words from the same vocabulary.
/// </summary>
public sealed class HelpCenter
{
    /// <summary>Eight categories of five sections: the portal's article page lists related articles from the category.</summary>
    private const int Categories = 8;

    private const int SectionsPerCategory = 5;

    /// <summary>The structure rows; the JSON columns hold the titles per language.</summary>
    public static string StructureSql => string.Concat(Enumerable.Range(1, Categories).Select(c => $$"""
        INSERT INTO "KbCategories" ("Key", "Position", "IsInternal", "Titles", "Descriptions")
        VALUES ('bench-help-{{c}}', {{c}}, FALSE, '{"en":"Help {{c}}","fil":"Tulong {{c}}","pl":"Pomoc {{c}}","it":"Aiuto {{c}}"}', '{}');
        """ + "\n" + string.Concat(Enumerable.Range(1, SectionsPerCategory).Select(s => $$"""
        INSERT INTO "KbSections" ("CategoryId", "Key", "Position", "Titles")
        SELECT "Id", 'bench-guides-{{c}}-{{s}}', {{s}}, '{"en":"Guides {{s}}","fil":"Mga gabay {{s}}","pl":"Poradniki {{s}}","it":"Guide {{s}}"}' FROM "KbCategories" WHERE "Key" = 'bench-help-{{c}}';
        """ + "\n"))));

    /// <summary>What customers type into the help center's search, per language.</summary>
    private static readonly Dictionary<string, string[]> Queries = new()
    {
        ["en"] = ["refund", "washing machine", "warranty claim", "not cooling", "vacuum filter", "delivery date", "invoice", "replacement parts", "installer", "compressor"],
        ["fil"] = ["bayad", "palitan", "piyesa", "hindi lumalamig", "kapalit", "resibo", "petsa ng delivery", "aircon"],
        ["pl"] = ["zwrot", "pralka", "lodówka nie chłodzi", "faktura", "zamówienie", "dostawa", "części", "naprawa"],
        ["it"] = ["rimborso", "garanzia", "lavatrice", "frigorifero", "bonifico", "corriere", "ritiro", "assistenza tecnica"],
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<(string Key, string Language, string Body)> articles = [];

    public HelpCenter(Plan plan, int count)
    {
        var random = new Random(Plan.Seed + 2);
        for (var i = 0; i < count; i++)
        {
            var language = Plan.PickLanguage(random);
            var text = plan.Text[language];
            var key = $"bench-{i:D5}-{language}";
            var title = text.Subject(random);
            var body = text.Article(random);
            var summary = body.Split('\n').First(l => l.Length > 0 && !l.StartsWith('#'));
            var request = new
            {
                key,
                sectionKey = $"bench-guides-{(i % Categories) + 1}-{(i / Categories % SectionsPerCategory) + 1}",
                language,
                title = title.Length > 150 ? title[..150] : title,
                body,
                summary = summary.Length > 200 ? summary[..200] : summary,
                publish = true,
            };
            articles.Add((key, language, JsonSerializer.Serialize(request, Json)));
        }
    }

    public int Count => articles.Count;

    /// <summary>Up to 400 article pages over the four languages, in the articles' own language.</summary>
    public IReadOnlyList<string> ArticlePaths =>
        [.. articles.Where((_, i) => i % Math.Max(1, articles.Count / 400) == 0).Select(a => $"/kb/{a.Language}/articles/{a.Key}")];

    /// <summary>The portal search page, rotating the queries of the four languages.</summary>
    public static IReadOnlyList<string> SearchPaths =>
        [.. Queries.SelectMany(p => p.Value.Select(q => $"/kb/{p.Key}/search?q={Uri.EscapeDataString(q)}"))];

    /// <summary>Creates and publishes every article through the API with a few clients; returns how long it took.</summary>
    public async Task<TimeSpan> LoadAsync(Uri baseAddress, string token, int clients)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var next = -1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < articles.Count)
            {
                using var content = new StringContent(articles[i].Body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("/api/v1/kb/articles", content);
                if (!response.IsSuccessStatusCode)
                {
                    var answer = await response.Content.ReadAsStringAsync();
                    throw new InvalidOperationException($"POST /api/v1/kb/articles ({articles[i].Key}) answered {(int)response.StatusCode}: {Shell.Tail(answer, 10)}");
                }
            }
        }));
        return clock.Elapsed;
    }
}
