using System.Data.Common;
using System.Text.Json;
using Kalinga.Automation;
using Kalinga.Configuration;
using Kalinga.Data;
using Kalinga.Sla;
using Kalinga.Sla.Calendars;
using Kalinga.Tests.Infrastructure;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kalinga.Tests.Configuration;

/// <summary>
/// A configuration item and the record of who created it are written together or not at all: when the database refuses
/// the history row, the new rule, macro, SLA policy or calendar must not appear either.
/// </summary>
public sealed class AtomicConfigurationChangeTests(AtomicConfigurationChangeTests.App app) : IClassFixture<AtomicConfigurationChangeTests.App>
{
    public sealed class App : KalingaApp
    {
        public HistoryOutage Outage { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.ConfigureDbContext<SqliteKalingaDb>((_, o) => o.AddInterceptors(Outage));
            services.ConfigureDbContext<PostgresKalingaDb>((_, o) => o.AddInterceptors(Outage));
        }
    }

    private static readonly Actor Admin = new(ActorKind.System, null);

    public static TheoryData<string> Kinds => [ConfigurationKinds.Rule, ConfigurationKinds.Macro, ConfigurationKinds.SlaPolicy, ConfigurationKinds.Calendar];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task When_the_history_cannot_be_written_the_new_item_is_not_created_either(string kind)
    {
        var name = $"Atomic {kind} {Guid.NewGuid():N}";

        app.Outage.On = true;
        try
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => CreateAsync(kind, name));
            Assert.IsType<HistoryUnavailableException>(refused.GetBaseException());
        }
        finally
        {
            app.Outage.On = false;
        }

        Assert.Equal(0, await CountAsync(kind, name));

        var created = await CreateAsync(kind, name);
        Assert.Equal(1, await CountAsync(kind, name));
        var history = await app.WithDbAsync(db => db.ConfigurationChanges.Where(c => c.EntityKind == kind && c.EntityId == created).Select(c => c.Action).ToListAsync());
        Assert.Equal([ConfigurationKinds.Created], history);
    }

    private Task<long> CreateAsync(string kind, string name) => app.WithScopeAsync<long>(async sp => kind switch
    {
        ConfigurationKinds.Rule => (await sp.GetRequiredService<EditRules>().CreateAsync(
            new RuleRequest(name, new RuleConditions([new RuleCondition("subject", "contains", JsonSerializer.SerializeToElement("atomic"))]),
                [new RuleAction(RuleAction.AddTags, Tags: ["atomic"])], Events: [TriggerEvents.TicketCreated]),
            Admin, CancellationToken.None)).Id,
        ConfigurationKinds.Macro => (await sp.GetRequiredService<EditMacros>().CreateAsync(
            new MacroRequest(name, new Dictionary<string, string> { ["en"] = "Thank you for waiting." }), Admin, CancellationToken.None)).Id,
        ConfigurationKinds.SlaPolicy => (await sp.GetRequiredService<EditSlaPolicies>().CreateAsync(
            new SlaPolicyRequest(name, [new SlaTarget(FirstResponse: 60)]), Admin, CancellationToken.None)).Id,
        _ => (await sp.GetRequiredService<EditCalendars>().CreateAsync(
            new CalendarRequest(name, "Europe/Warsaw", [new PeriodJson(DayOfWeek.Monday, "09:00", "17:00")]), Admin, CancellationToken.None)).Id,
    });

    private Task<int> CountAsync(string kind, string name) => app.WithDbAsync(db => kind switch
    {
        ConfigurationKinds.Rule => db.Rules.CountAsync(r => r.Name == name),
        ConfigurationKinds.Macro => db.Macros.CountAsync(m => m.Name == name),
        ConfigurationKinds.SlaPolicy => db.SlaPolicies.CountAsync(p => p.Name == name),
        _ => db.BusinessCalendars.CountAsync(c => c.Name == name),
    });

    /// <summary>While on, the database "fails" every insert into the configuration history, as a full disk or a dropped connection would.</summary>
    public sealed class HistoryOutage : DbCommandInterceptor
    {
        private volatile bool on;

        public bool On
        {
            get => on;
            set => on = value;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Fail(DbCommand command)
        {
            if (on && command.CommandText.Contains("INSERT INTO \"ConfigurationChanges\"", StringComparison.Ordinal))
            {
                throw new HistoryUnavailableException();
            }
        }
    }

    private sealed class HistoryUnavailableException() : DbException("The configuration history cannot be written.");
}
