using Kalinga.Agents;
using Kalinga.Automation;
using Kalinga.Channels;
using Kalinga.Configuration;
using Kalinga.Routing;
using Kalinga.Sla;
using Kalinga.Sla.Calendars;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kalinga.Data;

/// <summary>Targets, routing and rules: business calendars, SLA policies and clocks, queues, rules and macros.</summary>
public abstract partial class KalingaDb
{
    public DbSet<BusinessCalendar> BusinessCalendars => Set<BusinessCalendar>();

    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();

    public DbSet<SlaClock> SlaClocks => Set<SlaClock>();

    public DbSet<TeamQueue> TeamQueues => Set<TeamQueue>();

    public DbSet<AgentRouting> AgentRoutings => Set<AgentRouting>();

    public DbSet<Rule> Rules => Set<Rule>();

    public DbSet<RuleFiring> RuleFirings => Set<RuleFiring>();

    public DbSet<Macro> Macros => Set<Macro>();

    public DbSet<ConfigurationChange> ConfigurationChanges => Set<ConfigurationChange>();

    private static void ConfigureTargets(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BusinessCalendar>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.TimeZone).HasMaxLength(64);
            Json(e.Property(c => c.Hours));
            Json(e.Property(c => c.Holidays));
            e.HasData(SlaDefaults.Calendar);
        });

        modelBuilder.Entity<SlaPolicy>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            Json(e.Property(p => p.Conditions));
            Json(e.Property(p => p.Targets));
            e.HasOne<BusinessCalendar>().WithMany().HasForeignKey(p => p.CalendarId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.Position);
            e.HasData(SlaDefaults.Policies);
        });

        modelBuilder.Entity<SlaClock>(e =>
        {
            e.Property(c => c.Metric).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Risk).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne<SlaPolicy>().WithMany().HasForeignKey(c => c.PolicyId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(c => new { c.TicketId, c.Metric }).IsUnique();

            // The scanner's only query; clocks that are paused, finished or already breached are not in it.
            e.HasIndex(c => c.NextCheckAt).HasFilter("\"NextCheckAt\" IS NOT NULL").HasDatabaseName("IX_SlaClocks_Due");
            e.HasIndex(c => new { c.Risk, c.TicketId }).HasFilter("\"CompletedAt\" IS NULL").HasDatabaseName("IX_SlaClocks_Running");
        });

        modelBuilder.Entity<Ticket>(e =>
        {
            e.HasMany(t => t.SlaClocks).WithOne().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);

            // Time-based rules select by status and anchor time; routing reads a team's unassigned tickets and counts
            // an agent's active tickets per channel from the index alone, however many tickets the agent has had.
            e.HasIndex(t => new { t.Status, t.StatusChangedAt });
            e.HasIndex(t => new { t.Status, t.CreatedAt });
            e.HasIndex(t => new { t.TeamId, t.AssigneeId, t.Status });
            e.HasIndex(t => new { t.AssigneeId, t.Status, t.Channel });
        });

        modelBuilder.Entity<TeamQueue>(e =>
        {
            e.HasKey(q => q.TeamId);
            e.Property(q => q.Strategy).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Team>().WithOne().HasForeignKey<TeamQueue>(q => q.TeamId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AgentRouting>(e =>
        {
            e.HasKey(r => r.AgentId);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            Json(e.Property(r => r.Capacity));
            Json(e.Property(r => r.Products));
            e.HasOne<Agent>().WithOne().HasForeignKey<AgentRouting>(r => r.AgentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Rule>(e =>
        {
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            Json(e.Property(r => r.Events));
            Json(e.Property(r => r.Conditions));
            Json(e.Property(r => r.Actions));
            e.HasIndex(r => new { r.Kind, r.Position });
        });

        modelBuilder.Entity<RuleFiring>(e =>
        {
            e.Property(f => f.Key).HasMaxLength(64);
            e.HasIndex(f => new { f.RuleId, f.Key }).IsUnique();
            e.HasIndex(f => f.Key);
        });

        modelBuilder.Entity<Macro>(e =>
        {
            e.Property(m => m.Name).HasMaxLength(200);
            Json(e.Property(m => m.Actions));
            Json(e.Property(m => m.Templates));
            e.HasIndex(m => m.Name);
        });

        modelBuilder.Entity<ConfigurationChange>(e =>
        {
            e.Property(c => c.EntityKind).HasMaxLength(32);
            e.Property(c => c.Action).HasMaxLength(16);
            e.Property(c => c.Summary).HasMaxLength(ConfigurationAudit.MaxSummary);
            e.HasIndex(c => new { c.EntityKind, c.EntityId, c.At });
        });
    }

    private static void Json<T>(PropertyBuilder<T> property) =>
        property.HasConversion(JsonColumn.Converter<T>(), JsonColumn.Comparer<T>());
}
