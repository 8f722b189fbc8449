using Kalinga.Agents;
using Kalinga.Notifications;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Data;

/// <summary>What the agent workspace keeps: saved views, ticket links and notifications.</summary>
public abstract partial class KalingaDb
{
    private static void ConfigureWorkspace(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SavedView>(e =>
        {
            e.Property(v => v.Name).HasMaxLength(SavedView.MaxNameLength);
            e.Property(v => v.Query).HasMaxLength(SavedView.MaxQueryLength);
            e.Property(v => v.Sort).HasMaxLength(16);
            e.HasOne<Agent>().WithMany().HasForeignKey(v => v.AgentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => new { v.AgentId, v.Name });
            e.HasIndex(v => v.IsShared);
        });

        modelBuilder.Entity<TicketLink>(e =>
        {
            e.HasKey(l => new { l.TicketId, l.LinkedTicketId });
            e.HasOne<Ticket>().WithMany(t => t.Links).HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Ticket>().WithMany().HasForeignKey(l => l.LinkedTicketId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Notification>(e =>
        {
            e.Property(n => n.Kind).HasMaxLength(32);
            e.HasOne<Agent>().WithMany().HasForeignKey(n => n.AgentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Ticket>().WithMany().HasForeignKey(n => n.TicketId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Message>().WithMany().HasForeignKey(n => n.MessageId).OnDelete(DeleteBehavior.Cascade);

            // A redelivered note.added event must not notify twice.
            e.HasIndex(n => new { n.AgentId, n.MessageId, n.Kind }).IsUnique();
            e.HasIndex(n => new { n.AgentId, n.ReadAt, n.Id });
        });
    }
}
