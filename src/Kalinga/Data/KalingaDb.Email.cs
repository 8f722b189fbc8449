using Kalinga.Channels.Email;
using Kalinga.Tickets;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kalinga.Data;

/// <summary>The e-mail channel's tables, and the Data Protection key ring that all nodes share.</summary>
public abstract partial class KalingaDb : IDataProtectionKeyContext
{
    public DbSet<Mailbox> Mailboxes => Set<Mailbox>();

    public DbSet<EmailRecord> EmailRecords => Set<EmailRecord>();

    public DbSet<SetAsideMail> SetAsideMail => Set<SetAsideMail>();

    public DbSet<Pop3Seen> Pop3Seen => Set<Pop3Seen>();

    public DbSet<BouncingAddress> BouncingAddresses => Set<BouncingAddress>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private static void ConfigureOAuth(ComplexPropertyBuilder<OAuthLogin> c)
    {
        c.Property(o => o.TokenEndpoint).HasMaxLength(1000);
        c.Property(o => o.ClientId).HasMaxLength(500);
        c.Property(o => o.Scope).HasMaxLength(1000);
        c.Property(o => o.ClientSecret).HasMaxLength(4000);
        c.Property(o => o.RefreshToken).HasMaxLength(16000);
        c.Property(o => o.AccessToken).HasMaxLength(16000);
        c.Ignore(o => o.UsesRefresh);
    }

    private static void ConfigureEmail(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Mailbox>(e =>
        {
            e.Property(m => m.Address).HasMaxLength(320);
            e.HasIndex(m => m.Address).IsUnique();
            e.Property(m => m.DisplayName).HasMaxLength(200);
            e.Property(m => m.InboundProtocol).HasConversion<string>().HasMaxLength(8);
            e.Property(m => m.InboundSecurity).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.SmtpSecurity).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.InboundHost).HasMaxLength(255);
            e.Property(m => m.SmtpHost).HasMaxLength(255);
            e.Property(m => m.InboundUser).HasMaxLength(320);
            e.Property(m => m.SmtpUser).HasMaxLength(320);
            e.Property(m => m.InboundSecret).HasMaxLength(4000);
            e.Property(m => m.SmtpSecret).HasMaxLength(4000);
            e.Property(m => m.InboundAuth).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.SmtpAuth).HasConversion<string>().HasMaxLength(16);
            e.ComplexProperty(m => m.InboundOAuth, ConfigureOAuth);
            e.ComplexProperty(m => m.SmtpOAuth, ConfigureOAuth);
            e.Property(m => m.Folder).HasMaxLength(255);
            e.Property(m => m.ProcessedFolder).HasMaxLength(255);
            e.Property(m => m.DefaultLanguage).HasMaxLength(8);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.Property(m => m.LastSendError).HasMaxLength(2000);
            e.Property(m => m.LeaseOwner).HasMaxLength(64);
            e.HasOne<Agents.Team>().WithMany().HasForeignKey(m => m.DefaultTeamId).OnDelete(DeleteBehavior.SetNull);
            e.Ignore(m => m.CanSend);
            e.Ignore(m => m.Domain);
        });

        modelBuilder.Entity<EmailRecord>(e =>
        {
            e.ToTable("EmailMessages");
            e.HasKey(r => r.MessageId);
            e.HasOne<Message>().WithOne().HasForeignKey<EmailRecord>(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Mailbox>().WithMany().HasForeignKey(r => r.MailboxId).OnDelete(DeleteBehavior.SetNull);
            e.Property(r => r.InternetMessageId).HasMaxLength(998);
            e.Property(r => r.Subject).HasMaxLength(500);
            e.Property(r => r.FromAddress).HasMaxLength(320);
            e.Property(r => r.InReplyTo).HasMaxLength(998);
            e.Property(r => r.RawSha256).HasMaxLength(64);
            e.HasIndex(r => r.InternetMessageId);
            e.HasIndex(r => r.MailboxId);
        });

        modelBuilder.Entity<SetAsideMail>(e =>
        {
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Reason).HasMaxLength(2000);
            e.Property(s => s.RawSha256).HasMaxLength(64);
            e.Property(s => s.Source).HasMaxLength(16);
            e.Property(s => s.FromAddress).HasMaxLength(320);
            e.Property(s => s.Subject).HasMaxLength(500);
            e.Property(s => s.InternetMessageId).HasMaxLength(998);
            e.HasOne<Mailbox>().WithMany().HasForeignKey(s => s.MailboxId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Message>().WithMany().HasForeignKey(s => s.RelatedMessageId).OnDelete(DeleteBehavior.SetNull);

            // One raw message has one fate: fetching it again after a crash must not list it twice.
            e.HasIndex(s => s.RawSha256).IsUnique();
            e.HasIndex(s => new { s.Kind, s.Id });
        });

        modelBuilder.Entity<Pop3Seen>(e =>
        {
            e.HasKey(p => new { p.MailboxId, p.Uidl });
            e.Property(p => p.Uidl).HasMaxLength(70);
            e.HasOne<Mailbox>().WithMany().HasForeignKey(p => p.MailboxId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<BouncingAddress>(e =>
        {
            e.HasKey(b => b.Address);
            e.Property(b => b.Address).HasMaxLength(320);
            e.Property(b => b.LastReason).HasMaxLength(2000);
        });
    }
}
