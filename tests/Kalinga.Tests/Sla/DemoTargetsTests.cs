using Kalinga.Automation;
using Kalinga.Demo;
using Kalinga.Sla;
using Kalinga.Sla.Calendars;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Sla;

public sealed class DemoTargetsTests(KalingaApp app) : IClassFixture<KalingaApp>
{
    [Fact]
    public async Task The_demo_desk_starts_with_calendars_rules_macros_in_four_languages_and_live_sla_clocks()
    {
        await app.WithScopeAsync(sp => sp.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None));
        var client = await app.ClientAsync();

        var calendars = await client.GetAsync<List<CalendarView>>("/api/v1/calendars");
        var macros = await client.GetAsync<List<MacroView>>("/api/v1/macros");
        var rules = await client.GetAsync<List<RuleView>>("/api/v1/rules");
        var clocks = await app.WithDbAsync(db => db.SlaClocks.CountAsync());
        var pendingHistory = await app.WithDbAsync(db => db.Events.CountAsync(e => e.DispatchedAt == null && e.Type != TicketEventTypes.Assigned));
        await app.DrainAsync();
        await app.ScanSlaAsync();
        var failed = await app.WithDbAsync(db => db.Events.CountAsync(e => e.LastError != null));
        var breached = await client.GetAsync<TicketPage>("/api/v1/tickets?sla=breached&limit=200");

        Assert.Equal(["London office", "Manila office", "Rome office", "Standard hours", "Warsaw office"], calendars.Select(c => c.Name));
        Assert.Contains(calendars.Single(c => c.Name == "Warsaw office").Holidays, h => h.Name == "Wigilia");
        Assert.All(macros, m => Assert.Equal(["en", "fil", "it", "pl"], m.Templates.Keys.Order()));
        Assert.Equal(4, rules.Count(r => r.Kind == RuleKind.Trigger));
        Assert.Equal(2, rules.Count(r => r.Kind == RuleKind.Automation));
        Assert.True(clocks > 200, $"every demo ticket has clocks ({clocks})");
        Assert.Equal(0, pendingHistory);
        Assert.Equal(0, failed);
        Assert.NotEmpty(breached.Items);
        Assert.All(breached.Items, t => Assert.Contains("sla-breached", t.Tags));
    }
}
