using System.Globalization;
using System.Text;
using Kalinga.Agents;
using Kalinga.Channels;
using Kalinga.Customers;
using Kalinga.Data;
using Kalinga.Localization;
using Kalinga.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Demo;

/// <summary>
/// Loads "Lumen Home", a demo retailer: three teams, ten agents, organizations, customers and about 200 tickets
/// with real conversations in English, Filipino, Polish and Italian spread over the last eight weeks.
/// Tickets are built through the domain methods, so their timelines look exactly like real ones. The help center
/// gets its categories and articles in the four languages (<see cref="DemoHelpCenter"/>).
/// </summary>
public sealed class DemoSeeder(KalingaDb db, IPasswordHasher<Agent> hasher, DemoHelpCenter helpCenter, TimeProvider clock)
{
    public const string Password = "kalinga-demo";

    private static readonly (string Name, string Email, AgentRole Role, string[] Languages, string Team)[] People =
    [
        ("Maria Santos", "admin@lumenhome.test", AgentRole.Admin, ["en", "fil"], "Customer Care"),
        ("Tomasz Nowak", "supervisor@lumenhome.test", AgentRole.Supervisor, ["en", "pl"], "Customer Care"),
        ("Emma Clarke", "emma@lumenhome.test", AgentRole.Agent, ["en"], "Customer Care"),
        ("Jose Dela Cruz", "jose@lumenhome.test", AgentRole.Agent, ["fil", "en"], "Customer Care"),
        ("Liza Garcia", "liza@lumenhome.test", AgentRole.Agent, ["fil", "en"], "Orders & Billing"),
        ("Katarzyna Wiśniewska", "kasia@lumenhome.test", AgentRole.Agent, ["pl", "en"], "Orders & Billing"),
        ("Piotr Zieliński", "piotr@lumenhome.test", AgentRole.Agent, ["pl"], "Technical Service"),
        ("Giulia Romano", "giulia@lumenhome.test", AgentRole.Agent, ["it", "en"], "Customer Care"),
        ("Marco Bianchi", "marco@lumenhome.test", AgentRole.Agent, ["it"], "Technical Service"),
        ("Oliver Hughes", "oliver@lumenhome.test", AgentRole.Agent, ["en", "it"], "Technical Service"),
    ];

    public async Task<bool> IsDatabaseEmptyAsync(CancellationToken ct) =>
        !await db.Agents.AnyAsync(ct) && !await db.Tickets.AnyAsync(ct);

    public async Task<string> SeedAsync(CancellationToken ct)
    {
        if (await db.Agents.AnyAsync(a => a.Email == People[0].Email, ct))
        {
            // A demo loaded before the help center existed still gets its articles.
            return await db.KbCategories.AnyAsync(ct)
                ? "The demo data is already loaded."
                : HelpCenterLine(await helpCenter.LoadAsync(ct));
        }

        // All or nothing: a half-loaded demo would block a second try.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var teams = People.Select(p => p.Team).Distinct().ToDictionary(n => n, n => new Team(n));
        db.Teams.AddRange(teams.Values);
        var agents = new List<Agent>();
        foreach (var p in People)
        {
            var agent = new Agent(p.Name, p.Email, p.Role, now - TimeSpan.FromDays(90)) { Languages = [.. p.Languages], UiLanguage = p.Languages[0] };
            agent.PasswordHash = hasher.HashPassword(agent, Password);
            agent.Teams.Add(teams[p.Team]);
            agents.Add(agent);
        }

        db.Agents.AddRange(agents);
        db.CustomFields.AddRange(DemoFields.All());
        await db.SaveChangesAsync(ct);

        var reasons = await db.ContactReasons.ToDictionaryAsync(r => r.Code, ct);
        var causes = await db.DissatisfactionCauses.ToDictionaryAsync(c => c.Code, ct);
        var tags = new Dictionary<string, Tag>();
        var random = new Random(20261124);
        var tickets = 0;
        foreach (var language in Languages.Supported)
        {
            var file = DemoFile.Load(language);
            var customers = await AddCustomersAsync(file, now, ct);
            var speakers = agents.Where(a => a.Languages.Contains(language) && a.Role == AgentRole.Agent).ToList();
            foreach (var (conversation, i) in file.Conversations.Select((c, i) => (c, i)))
            {
                var agent = speakers[i % speakers.Count];
                var team = teams[TeamFor(conversation.Reason)];
                var start = now - TimeSpan.FromDays(random.Next(1, 56)) - TimeSpan.FromMinutes(random.Next(0, 600))
                    - TimeSpan.FromMinutes(conversation.Messages.Sum(m => m.AfterMinutes));
                var ticket = await BuildAsync(conversation, language, customers[conversation.Customer], agent, team, reasons, causes, tags, start, ct);
                db.Tickets.Add(ticket);
                tickets++;
            }

            await db.SaveChangesAsync(ct);
        }

        var targets = new DemoTargets(db, clock);
        await targets.SeedAsync(teams, agents, now, ct);
        await targets.CatchUpAsync(teams["Customer Care"].Id, ct);
        var kb = await helpCenter.LoadAsync(ct);
        await transaction.CommitAsync(ct);
        await targets.RouteWaitingAsync([.. teams.Values.Select(t => t.Id)], ct);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Demo data loaded: {agents.Count} agents, {tickets} tickets in {Languages.Supported.Count} languages.");
        report.AppendLine(HelpCenterLine(kb));
        report.AppendLine(CultureInfo.InvariantCulture, $"Sign in at /agent with any of these (password: {Password}):");
        foreach (var p in People)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {p.Email,-28} {p.Role.ToString().ToLowerInvariant(),-10} {p.Name}");
        }

        return report.ToString().TrimEnd();
    }

    private async Task<Dictionary<string, Customer>> AddCustomersAsync(DemoFile file, DateTime now, CancellationToken ct)
    {
        var organizations = file.Organizations.ToDictionary(
            o => o.Key, o => new Organization(o.Name, now - TimeSpan.FromDays(120)) { Domains = [o.Domain.ToLowerInvariant()] });
        db.Organizations.AddRange(organizations.Values);
        await db.SaveChangesAsync(ct);

        var customers = new Dictionary<string, Customer>();
        foreach (var c in file.Customers)
        {
            var customer = new Customer(c.Name, file.Language, now - TimeSpan.FromDays(100))
            {
                IsVip = c.Vip,
                OrganizationId = c.Organization is null ? null : organizations[c.Organization].Id,
                Segments = c.Vip ? ["vip"] : [],
            };
            if (c.Email is not null)
            {
                customer.AddIdentity(IdentityKind.Email, c.Email);
            }

            if (c.Phone is not null)
            {
                customer.AddIdentity(IdentityKind.Phone, c.Phone);
            }

            customers[c.Key] = customer;
        }

        db.Customers.AddRange(customers.Values);
        await db.SaveChangesAsync(ct);
        return customers;
    }

    private async Task<Ticket> BuildAsync(
        DemoConversation c, string language, Customer customer, Agent agent, Team team,
        Dictionary<string, ContactReason> reasons, Dictionary<string, DissatisfactionCause> causes, Dictionary<string, Tag> tags,
        DateTime at, CancellationToken ct)
    {
        var reason = reasons[c.Reason];
        var ticket = Ticket.Open(await db.NextTicketNumberAsync(ct), c.Subject, reason.Id, c.Channel, customer.Id, customer.OrganizationId, language, c.Priority, Actor.Customer(customer.Id), at);
        var kind = ChannelMessages.KindOf(c.Channel);
        var assigned = false;
        foreach (var m in c.Messages)
        {
            at += TimeSpan.FromMinutes(m.AfterMinutes);
            if (m.From == "customer")
            {
                ticket.ReceiveFromCustomer(Message.Inbound(kind, Actor.Customer(customer.Id), m.Text, null, null, at), at);
                continue;
            }

            if (!assigned)
            {
                ticket.Assign(agent.Id, team.Id, Actor.Agent(agent.Id), at);
                assigned = true;
            }

            if (m.From == "note")
            {
                ticket.AddNote(Message.Note(Actor.Agent(agent.Id), m.Text, null, at), at);
            }
            else
            {
                ticket.Reply(Message.Outbound(kind, Actor.Agent(agent.Id), m.Text, null, needsDelivery: false, at), null, at);
            }
        }

        at += TimeSpan.FromMinutes(5);
        if (c.Status != TicketStatus.New && !assigned)
        {
            ticket.Assign(agent.Id, team.Id, Actor.Agent(agent.Id), at);
        }

        if (c.Tags.Count > 0)
        {
            ticket.SetTags([.. c.Tags.Select(t => tags.TryGetValue(t, out var tag) ? tag : tags[t] = new Tag(t))], Actor.Agent(agent.Id), at);
        }

        if (c.Causes.Count > 0)
        {
            ticket.SetCauses([.. c.Causes.Select(code => causes[code])], reason.IsComplaint, Actor.Agent(agent.Id), at);
        }

        if (c.Status == TicketStatus.Closed)
        {
            ticket.ChangeStatus(TicketStatus.Solved, Actor.Agent(agent.Id), at);
            ticket.ChangeStatus(TicketStatus.Closed, Actor.System, at + TimeSpan.FromDays(4));
        }
        else if (c.Status != TicketStatus.New)
        {
            ticket.ChangeStatus(c.Status, Actor.Agent(agent.Id), at);
        }

        return ticket;
    }

    private static string HelpCenterLine(KnowledgeBase.ImportReport kb) =>
        $"Help center loaded: {kb.Categories} categories, {kb.Sections} sections, {kb.Articles} articles ({kb.Published} translations published).";

    private static string TeamFor(string reason) => reason switch
    {
        "technical_service" => "Technical Service",
        "order" or "after_sales" => "Orders & Billing",
        _ => "Customer Care",
    };
}
