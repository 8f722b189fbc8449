using Kalinga.Agents;
using Kalinga.Channels;
using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Routing;
using Kalinga.Sla;
using Kalinga.Sla.Calendars;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Demo;

/// <summary>
/// The demo company's targets and routing: an office calendar per country (Manila, Warsaw, Rome, London) with the
/// 2026 public holidays, a VIP policy and an urgent target on top of the shipped defaults, a queue per team,
/// agents online with capacities and product skills, and the rules and macros of <see cref="DemoRules"/>.
/// </summary>
public sealed class DemoTargets(KalingaDb db, TimeProvider clock)
{
    private static readonly string[] Products = ["washing machines", "dryers", "fridges", "ovens", "dishwashers"];

    public async Task SeedAsync(IReadOnlyDictionary<string, Team> teams, IReadOnlyList<Agent> agents, DateTime now, CancellationToken ct)
    {
        db.BusinessCalendars.AddRange(
            new BusinessCalendar("Manila office", "Asia/Manila",
                [.. SlaDefaults.Weekdays(8 * 60, 12 * 60), .. SlaDefaults.Weekdays(13 * 60, 17 * 60), new(DayOfWeek.Saturday, 9 * 60, 12 * 60)],
                Holidays(("01-01", "New Year's Day"), ("04-02", "Maundy Thursday"), ("04-03", "Good Friday"), ("04-09", "Araw ng Kagitingan"),
                    ("05-01", "Labor Day"), ("06-12", "Independence Day"), ("08-31", "National Heroes Day"), ("11-30", "Bonifacio Day"),
                    ("12-25", "Christmas Day"), ("12-30", "Rizal Day")).Append(new Holiday(new DateOnly(2026, 12, 24), "Christmas Eve", ClosedFrom: 12 * 60)),
                now),
            new BusinessCalendar("Warsaw office", "Europe/Warsaw", SlaDefaults.Weekdays(8 * 60, 16 * 60),
                Holidays(("01-01", "Nowy Rok"), ("01-06", "Trzech Króli"), ("04-06", "Poniedziałek Wielkanocny"), ("05-01", "Święto Pracy"),
                    ("05-03", "Święto Konstytucji 3 Maja"), ("06-04", "Boże Ciało"), ("08-15", "Wniebowzięcie NMP"), ("11-01", "Wszystkich Świętych"),
                    ("11-11", "Narodowe Święto Niepodległości"), ("12-24", "Wigilia"), ("12-25", "Boże Narodzenie"), ("12-26", "Drugi dzień świąt")),
                now),
            new BusinessCalendar("Rome office", "Europe/Rome", [.. SlaDefaults.Weekdays(9 * 60, 13 * 60), .. SlaDefaults.Weekdays(14 * 60, 18 * 60)],
                Holidays(("01-01", "Capodanno"), ("01-06", "Epifania"), ("04-06", "Lunedì dell'Angelo"), ("04-25", "Festa della Liberazione"),
                    ("05-01", "Festa del Lavoro"), ("06-02", "Festa della Repubblica"), ("08-15", "Ferragosto"), ("11-01", "Ognissanti"),
                    ("12-08", "Immacolata Concezione"), ("12-25", "Natale"), ("12-26", "Santo Stefano")),
                now),
            new BusinessCalendar("London office", "Europe/London", SlaDefaults.Weekdays(9 * 60, (17 * 60) + 30),
                Holidays(("01-01", "New Year's Day"), ("04-03", "Good Friday"), ("04-06", "Easter Monday"), ("05-04", "Early May bank holiday"),
                    ("05-25", "Spring bank holiday"), ("08-31", "Summer bank holiday"), ("12-25", "Christmas Day"), ("12-28", "Boxing Day (substitute)")),
                now));

        var vip = new SlaPolicy("VIP customers: answered within 4 hours", now) { Position = 5, Conditions = new SlaConditions(Vip: true) };
        vip.Targets = [new SlaTarget(FirstResponse: 4 * 60, NextResponse: 4 * 60)];
        db.SlaPolicies.Add(vip);
        var email = await db.SlaPolicies.SingleOrDefaultAsync(p => p.Id == 4, ct);
        if (email is not null)
        {
            email.Targets = [.. email.Targets, new SlaTarget(Priority.Urgent, FirstResponse: 2 * 60, NextResponse: 2 * 60)];
        }

        db.TeamQueues.AddRange(
            new TeamQueue(teams["Customer Care"].Id) { Strategy = RoutingStrategy.RoundRobin, IsDefault = true, UpdatedAt = now },
            new TeamQueue(teams["Orders & Billing"].Id) { Strategy = RoutingStrategy.LeastLoaded, UpdatedAt = now },
            new TeamQueue(teams["Technical Service"].Id) { Strategy = RoutingStrategy.SkillsBased, ReassignWhenOffline = true, UpdatedAt = now });
        foreach (var (agent, i) in agents.Select((a, i) => (a, i)))
        {
            var routing = new AgentRouting(agent.Id)
            {
                Capacity = new Dictionary<Channel, int> { [Channel.Chat] = 3, [Channel.Phone] = 1 },
                Products = agent.Teams.Any(t => t.Name == "Technical Service") ? [Products[i % Products.Length], Products[(i + 1) % Products.Length]] : [],
            };
            routing.SetStatus(agent.Role == AgentRole.Agent ? AgentStatus.Online : AgentStatus.Away, now);
            db.AgentRoutings.Add(routing);
        }

        DemoRules.Add(db, teams, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Treats the demo history as a desk that was already running: new tickets without a team wait in the default
    /// queue, every ticket gets its SLA clocks, and the history's events count as delivered (no acknowledgement
    /// is sent for an eight-week-old message). From here on, events are handled live.
    /// </summary>
    public async Task CatchUpAsync(long defaultTeamId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var ticket in await db.Tickets.Where(t => t.TeamId == null && t.AssigneeId == null && t.Status == TicketStatus.New).ToListAsync(ct))
        {
            ticket.Assign(null, defaultTeamId, Actor.System, now);
        }

        await db.SaveChangesAsync(ct);

        // The seeder's context tracks the whole demo; clearing it keeps each save from re-checking thousands of rows.
        var update = new UpdateSlaClocks(db, new SettingsCache(), clock);
        foreach (var ids in (await db.Tickets.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct)).Chunk(100))
        {
            db.ChangeTracker.Clear();
            await update.HandleAsync(ids, ct);
        }

        db.ChangeTracker.Clear();

        await db.Events.Where(e => e.DispatchedAt == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.DispatchedAt, now), ct);
    }

    /// <summary>Hands the waiting tickets to the online agents (each assignment runs in its own transaction).</summary>
    public async Task RouteWaitingAsync(IEnumerable<long> teamIds, CancellationToken ct)
    {
        var route = new RouteTickets(db, clock);
        foreach (var team in teamIds)
        {
            await route.DrainAsync(team, ct);
        }
    }

    private static IEnumerable<Holiday> Holidays(params (string MonthDay, string Name)[] days) =>
        days.Select(d => new Holiday(DateOnly.ParseExact($"2026-{d.MonthDay}", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Name));
}
