using Kalinga.Agents;
using Kalinga.Customers;
using Kalinga.Search;

namespace Kalinga.Bench.Generation;

/// <summary>
/// Everything about a generated help desk except the tickets: teams, agents, tags, organizations and customers, sized
/// to the number of tickets and fixed by one seed, so that the same N always gives the same desk.
/// </summary>
public sealed class Plan
{
    public const int Seed = 20_261_124;

    public static readonly string[] Languages = ["en", "fil", "pl", "it"];

    private static readonly string[] TeamNames =
        ["Customer Care", "Orders & Billing", "Technical Service", "Returns", "Key Accounts", "Logistics", "Warranty", "Social Media"];

    private static readonly Dictionary<string, string[]> CompanySuffixes = new()
    {
        ["en"] = ["Ltd", "& Sons", "Group", "Inc."],
        ["fil"] = ["Trading", "Enterprises", "Corp.", "Hardware"],
        ["pl"] = ["Sp. z o.o.", "S.A.", "i Wspólnicy", "sp.j."],
        ["it"] = ["S.r.l.", "S.p.A.", "& Figli", "s.n.c."],
    };

    private static readonly string[] MailDomains = ["example.test", "mail.test", "post.test", "inbox.test"];

    private Plan(int tickets, DateTime end)
    {
        Tickets = tickets;
        End = end;
        Start = end.AddDays(-730);
        Text = Languages.ToDictionary(l => l, l => new TextMaker(Vocabulary.Build(l)));
    }

    public int Tickets { get; }

    /// <summary>Tickets are spread over the two years before this instant (midnight UTC of the day the data was made).</summary>
    public DateTime End { get; }

    public DateTime Start { get; }

    public IReadOnlyDictionary<string, TextMaker> Text { get; }

    public List<TeamRow> Teams { get; } = [];

    public List<AgentRow> Agents { get; } = [];

    public List<TagRow> Tags { get; } = [];

    public List<OrganizationRow> Organizations { get; } = [];

    public List<CustomerRow> Customers { get; } = [];

    public Dictionary<string, CustomerRow[]> CustomersByLanguage { get; } = [];

    public Dictionary<string, AgentRow[]> AgentsByLanguage { get; } = [];

    public static Plan Create(int tickets, DateTime end)
    {
        var plan = new Plan(tickets, end);
        var random = new Random(Seed);
        plan.AddTeamsAndAgents(random, Math.Clamp(tickets / 5_000, 10, 200));
        plan.Tags.AddRange(plan.Text.Values.SelectMany(t => t.Words.Tags).Distinct().Order(StringComparer.Ordinal)
            .Concat(["vip", "urgent-callback", "escalated", "duplicate", "first-contact", "follow-up", "promo", "gift-card"])
            .Select((name, i) => new TagRow { Id = i + 1, Name = name }));
        var organizations = plan.AddOrganizations(random, Math.Clamp(tickets / 200, 5, 5_000));
        plan.AddCustomers(random, Math.Max(50, tickets / 3), organizations);
        return plan;
    }

    private void AddTeamsAndAgents(Random random, int count)
    {
        Teams.AddRange(TeamNames.Select((name, i) => new TeamRow { Id = i + 1, Name = name }));
        for (var i = 0; i < count; i++)
        {
            var language = Languages[i % Languages.Length];
            var words = Text[language].Words;
            var first = TextMaker.Pick(random, words.FirstNames);
            var last = TextMaker.Pick(random, words.LastNames);
            var team = Teams[i % Teams.Count].Id;
            Agents.Add(new AgentRow
            {
                Id = i + 1,
                Name = $"{first} {last}",
                Email = $"{Slug(first)}.{Slug(last)}.{i + 1}@helpdesk.test",
                Role = (i == 0 ? AgentRole.Admin : i % 15 == 1 ? AgentRole.Supervisor : AgentRole.Agent).ToString(),
                Languages = language == "en" ? ["en"] : [language, "en"],
                UiLanguage = language,
                TeamIds = random.NextDouble() < 0.3 ? [team, Teams[(i + 3) % Teams.Count].Id] : [team],
                CreatedAt = Start.AddDays(-random.Next(30, 400)),
            });
        }

        foreach (var language in Languages)
        {
            AgentsByLanguage[language] = [.. Agents.Where(a => a.Languages.Contains(language))];
        }
    }

    private Dictionary<string, List<OrganizationRow>> AddOrganizations(Random random, int count)
    {
        var byLanguage = Languages.ToDictionary(l => l, _ => new List<OrganizationRow>());
        for (var i = 0; i < count; i++)
        {
            var language = Languages[i % Languages.Length];
            var words = Text[language].Words;
            var demo = i / Languages.Length < words.Organizations.Count ? words.Organizations[i / Languages.Length] : null;
            var name = demo?.Name ?? $"{TextMaker.Pick(random, words.LastNames)} {TextMaker.Pick(random, CompanySuffixes[language])}";
            var domain = demo is null ? $"{Slug(name)}-{i + 1}.test" : demo.Domain;
            var organization = new OrganizationRow
            {
                Id = i + 1,
                Name = name,
                NameKey = TextFolding.Fold(name),
                Domains = [domain],
                CreatedAt = Start.AddDays(-random.Next(1, 365)),
            };
            Organizations.Add(organization);
            byLanguage[language].Add(organization);
        }

        return byLanguage;
    }

    private void AddCustomers(Random random, int count, Dictionary<string, List<OrganizationRow>> organizations)
    {
        for (var i = 0; i < count; i++)
        {
            var language = PickLanguage(random);
            var words = Text[language].Words;
            var first = TextMaker.Pick(random, words.FirstNames);
            var last = TextMaker.Pick(random, words.LastNames);
            var organization = random.NextDouble() < 0.25 ? TextMaker.Pick(random, organizations[language]) : null;
            var domain = organization?.Domains[0] ?? TextMaker.Pick(random, MailDomains);
            var name = $"{first} {last}";
            Customers.Add(new CustomerRow
            {
                Id = i + 1,
                Name = name,
                NameKey = TextFolding.Fold(name),
                OrganizationId = organization?.Id,
                Language = language,
                IsVip = random.NextDouble() < 0.03,
                Email = CustomerIdentity.Normalize(IdentityKind.Email, $"{Slug(first)}.{Slug(last)}.{i + 1}@{domain}"),
                Phone = random.NextDouble() < 0.4 ? CustomerIdentity.Normalize(IdentityKind.Phone, Phone(random, language, i)) : null,
                CreatedAt = Start.AddDays(-random.Next(1, 365)),
            });
        }

        foreach (var language in Languages)
        {
            CustomersByLanguage[language] = [.. Customers.Where(c => c.Language == language)];
        }
    }

    /// <summary>English 40 %, Filipino, Polish and Italian 20 % each.</summary>
    public static string PickLanguage(Random random) => random.NextDouble() switch
    {
        < 0.4 => "en",
        < 0.6 => "fil",
        < 0.8 => "pl",
        _ => "it",
    };

    /// <summary>A number in the country's format; the customer index in the last digits keeps numbers unique.</summary>
    private static string Phone(Random random, string language, int index) => language switch
    {
        "fil" => $"+63 9{random.Next(10, 99)} {index:D7}",
        "pl" => $"+48 {random.Next(500, 899)} {index:D7}",
        "it" => $"+39 3{random.Next(10, 99)} {index:D7}",
        _ => $"+1 {random.Next(201, 989)} {index:D7}",
    };

    private static string Slug(string text) => new([.. TextFolding.Fold(text).Where(char.IsAsciiLetterOrDigit)]);
}
