using System.Text.Json;
using Kalinga.Bench.Generation;
using Kalinga.Data;

namespace Kalinga.Bench.Scenarios;

/// <summary>
/// The requests of the scenarios, drawn from the same plan as the data: existing ticket numbers, the agents and teams
/// that hold open work, what agents type into search in four languages, and new tickets written like the old ones.
/// </summary>
public sealed class Workload(Plan plan)
{
    public Plan Plan => plan;

    /// <summary>An agent (not the admin) who signs in to the workspace for the agent page scenario.</summary>
    public AgentRow SignInAgent => plan.Agents[1];

    /// <summary>What agents search for: common words, two-word phrases, product names, people, order numbers.</summary>
    private static readonly string[] Queries =
    [
        "refund", "washing machine", "warranty claim", "FrostLine not cooling", "vacuum filter", "delivery date", "invoice", "compressor",
        "Whitfield", "LH-204913", "replacement parts", "installer",
        "bayad", "palitan", "piyesa", "hindi lumalamig", "kapalit", "resibo", "Dela Cruz", "petsa ng delivery", "aircon",
        "zwrot", "pralka", "lodówka nie chłodzi", "faktura", "zamówienie", "dostawa", "Wiśniewski", "części", "naprawa",
        "rimborso", "garanzia", "lavatrice", "frigorifero", "bonifico", "corriere", "ritiro", "assistenza tecnica", "Esposito", "codice",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static long FirstNumber => TicketNumbers.First;

    public long LastNumber => TicketNumbers.First + plan.Tickets - 1;

    public static IReadOnlyList<string> SearchPaths => [.. Queries.Select(q => "/api/v1/search?limit=20&q=" + Uri.EscapeDataString(q))];

    /// <summary>The lists agents keep open: their own open work, their team's queue, the unassigned, urgent and per-language views.</summary>
    public IReadOnlyList<string> ViewPaths
    {
        get
        {
            var paths = new List<string> { "/api/v1/tickets?status=open&sort=-updated&limit=50", "/api/v1/tickets?assignee=none&status=new&sort=-created&limit=50" };
            paths.AddRange(plan.Agents.Where((_, i) => i % Math.Max(1, plan.Agents.Count / 12) == 0)
                .Select(a => $"/api/v1/tickets?assignee={a.Id}&status=open,pending&sort=-updated&limit=50"));
            paths.AddRange(plan.Teams.Select(t => $"/api/v1/tickets?team={t.Id}&status=new,open&sort=-updated&limit=50"));
            paths.AddRange(Plan.Languages.Select(l => $"/api/v1/tickets?status=open&language={l}&sort=-updated&limit=50"));
            paths.Add("/api/v1/tickets?status=open,pending,on_hold&priority=urgent&sort=-updated&limit=50");
            return paths;
        }
    }

    /// <summary>
    /// Bodies of POST /api/v1/tickets in the four languages. Seven in ten come from customers already known (found by
    /// e-mail), the rest from new addresses, marked <c>{unique}</c> for the load script to fill in.
    /// </summary>
    public IReadOnlyList<string> NewTickets(int count)
    {
        var random = new Random(Plan.Seed + 1);
        string[] reasons = ["question", "complaint", "order", "technical_service", "information_request", "after_sales"];
        string[] channels = ["email", "web", "chat", "phone"];
        var bodies = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var language = Plan.PickLanguage(random);
            var customers = plan.CustomersByLanguage[language];
            var known = random.NextDouble() < 0.7;
            var customer = TextMaker.Pick(random, customers);
            var text = plan.Text[language];
            var body = new
            {
                subject = text.Subject(random),
                reason = TextMaker.Pick(random, reasons),
                channel = TextMaker.Pick(random, channels),
                customer = known ? new { email = customer.Email, name = customer.Name } : new { email = "bench.{unique}@new.example.test", name = customer.Name },
                message = new { text = text.Message(random, "customer", customer.Name) },
                tags = random.NextDouble() < 0.3 ? new[] { TextMaker.Pick(random, plan.Tags).Name } : null,
            };
            bodies.Add(JsonSerializer.Serialize(body, Json));
        }

        return bodies;
    }
}
