using System.Text.Json;
using Kalinga.Agents;
using Kalinga.Attachments;
using Kalinga.Channels;
using Kalinga.Customers;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kalinga.Data;

public abstract partial class KalingaDb
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored and read back as UTC; SQLite keeps no kind and PostgreSQL wants UTC on write.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();

        // Enums as words: readable in SQL and safe when a value is added in the middle.
        configurationBuilder.Properties<TicketStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Channel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Channel?>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MessageKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MessageDirection>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<DeliveryStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ActorKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<IdentityKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AgentRole>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureTickets(modelBuilder);
        ConfigureCustomers(modelBuilder);
        ConfigureAgents(modelBuilder);
        ConfigureWorkspace(modelBuilder);
        ConfigureEmail(modelBuilder);
        ConfigureTargets(modelBuilder);
        ConfigureKnowledgeBase(modelBuilder);
        ConfigurePortal(modelBuilder);
        ConfigureCustomFields(modelBuilder);

        modelBuilder.Entity<Attachment>(e =>
        {
            e.Property(a => a.FileName).HasMaxLength(255);
            e.Property(a => a.ContentType).HasMaxLength(127);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.ContentId).HasMaxLength(255);
            e.HasIndex(a => a.MessageId);
            e.HasIndex(a => a.Sha256);
        });

        modelBuilder.Entity<Counter>(e =>
        {
            e.HasKey(c => c.Name);
            e.Property(c => c.Name).HasMaxLength(32);
            e.HasData(new Counter { Name = TicketNumbers.CounterName, Next = TicketNumbers.First });
        });
    }

    private static void ConfigureTickets(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Ticket>(e =>
        {
            e.HasIndex(t => t.Number).IsUnique();
            e.Property(t => t.Subject).HasMaxLength(500);
            e.Property(t => t.Language).HasMaxLength(8);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.Property(t => t.CustomFields).HasConversion(new JsonConverter<Dictionary<string, string>>(), new DictionaryComparer());
            e.HasOne<ContactReason>().WithMany().HasForeignKey(t => t.ReasonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Agent>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Ticket>().WithMany().HasForeignKey(t => t.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(t => t.Messages).WithOne().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(t => t.Events).WithOne().HasForeignKey(v => v.TicketId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(t => t.IsOpenForWork);

            // Views list tickets by state and recency; keyset pagination needs (sort key, Id) indexes.
            e.HasIndex(t => new { t.Status, t.UpdatedAt, t.Id });
            e.HasIndex(t => new { t.AssigneeId, t.Status, t.UpdatedAt });
            e.HasIndex(t => new { t.TeamId, t.Status, t.UpdatedAt });
            e.HasIndex(t => new { t.CustomerId, t.CreatedAt });
            e.HasIndex(t => new { t.OrganizationId, t.CreatedAt });
            e.HasIndex(t => new { t.UpdatedAt, t.Id });
            e.HasIndex(t => new { t.CreatedAt, t.Id });
        });

        modelBuilder.Entity<Message>(e =>
        {
            e.Property(m => m.ExternalId).HasMaxLength(998);
            e.Property(m => m.DeliveryError).HasMaxLength(2000);
            e.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(m => new { m.TicketId, m.CreatedAt });
            e.HasIndex(m => m.ExternalId);
            e.Ignore(m => m.IsInternal);
            e.Ignore(m => m.Author);
        });

        modelBuilder.Entity<TicketEvent>(e =>
        {
            e.ToTable("Events");
            e.Property(v => v.Type).HasMaxLength(64);
            e.Property(v => v.LeaseOwner).HasMaxLength(64);
            e.Property(v => v.LastError).HasMaxLength(2000);
            e.Ignore(v => v.Actor);
            e.Property(v => v.CompletedHandlers).HasMaxLength(500);
            e.HasOne(v => v.Message).WithMany().HasForeignKey(v => v.MessageId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(v => new { v.TicketId, v.Id });
            e.HasIndex(v => new { v.CustomerId, v.Id });

            // Only undelivered events are in this index, so claiming work stays cheap however long the history.
            e.HasIndex(v => new { v.NextAttemptAt, v.Id }).HasFilter("\"DispatchedAt\" IS NULL").HasDatabaseName("IX_Events_Undelivered");
        });

        modelBuilder.Entity<Tag>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(64);
            e.HasIndex(t => t.Name).IsUnique();
        });

        modelBuilder.Entity<TicketTag>(e =>
        {
            e.HasKey(t => new { t.TicketId, t.TagId });
            e.HasOne(t => t.Ticket).WithMany(t => t.Tags).HasForeignKey(t => t.TicketId);
            e.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId);
            e.HasIndex(t => new { t.TagId, t.TicketId });
        });

        modelBuilder.Entity<TicketCause>(e =>
        {
            e.HasKey(t => new { t.TicketId, t.CauseId });
            e.HasOne(t => t.Ticket).WithMany(t => t.Causes).HasForeignKey(t => t.TicketId);
            e.HasOne(t => t.Cause).WithMany().HasForeignKey(t => t.CauseId);
        });

        modelBuilder.Entity<ContactReason>(e =>
        {
            e.Property(r => r.Code).HasMaxLength(64);
            e.Property(r => r.Name).HasMaxLength(200);
            e.HasIndex(r => r.Code).IsUnique();
            e.Ignore(r => r.IsComplaint);
            e.HasData(ContactReason.Fixed.Select((code, i) => ContactReason.Seed(i + 1, code)));
        });

        modelBuilder.Entity<DissatisfactionCause>(e =>
        {
            e.Property(r => r.Code).HasMaxLength(64);
            e.Property(r => r.Name).HasMaxLength(200);
            e.HasIndex(r => r.Code).IsUnique();
            e.HasData(DissatisfactionCause.Fixed.Select((code, i) => DissatisfactionCause.Seed(i + 1, code)));
        });
    }

    private static void ConfigureCustomers(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Language).HasMaxLength(8);
            e.Property(c => c.Notes).HasMaxLength(4000);
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Customer>().WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Identities).WithOne().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Cascade);
            e.Property(c => c.NameKey).HasMaxLength(400);

            // Only merged customers are in this index. It serves the foreign key; holding every unmerged row as NULL,
            // it tempted SQLite's planner to answer "MergedIntoId IS NULL" with it rather than with the NameKey range.
            e.HasIndex(c => c.MergedIntoId).HasFilter("\"MergedIntoId\" IS NOT NULL");

            // Lists page by (NameKey, Id) and search by NameKey prefix ranges; the organization index also counts members.
            e.HasIndex(c => new { c.NameKey, c.Id });
            e.HasIndex(c => new { c.OrganizationId, c.NameKey, c.Id });
        });

        modelBuilder.Entity<CustomerIdentity>(e =>
        {
            e.Property(i => i.Value).HasMaxLength(320);
            e.HasIndex(i => new { i.Kind, i.Value }).IsUnique();
        });

        modelBuilder.Entity<Organization>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Notes).HasMaxLength(4000);
            e.Property(o => o.NameKey).HasMaxLength(400);
            e.HasIndex(o => new { o.NameKey, o.Id });
            e.HasMany(o => o.DomainEntries).WithOne().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<OrganizationDomain>(e =>
        {
            e.HasKey(d => d.Domain);
            e.Property(d => d.Domain).HasMaxLength(253);
            e.HasIndex(d => d.OrganizationId);
        });
    }

    private static void ConfigureAgents(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Agent>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.Email).HasMaxLength(320);
            e.Property(a => a.UiLanguage).HasMaxLength(8);
            e.Property(a => a.PasswordHash).HasMaxLength(200);
            e.HasIndex(a => a.Email).IsUnique();
            e.HasMany(a => a.Teams).WithMany(t => t.Members).UsingEntity("TeamMembers");
        });

        modelBuilder.Entity<Team>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(200);
            e.HasIndex(t => t.Name).IsUnique();
        });

        modelBuilder.Entity<ApiToken>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.Hash).HasMaxLength(64);
            e.Property(t => t.Hint).HasMaxLength(16);
            e.HasIndex(t => t.Hash).IsUnique();
        });
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class JsonConverter<T>() : ValueConverter<T, string>(
        v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
        v => JsonSerializer.Deserialize<T>(v, JsonSerializerOptions.Default)!);

    private sealed class DictionaryComparer() : ValueComparer<Dictionary<string, string>>(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        d => d.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
        d => new Dictionary<string, string>(d));
}
