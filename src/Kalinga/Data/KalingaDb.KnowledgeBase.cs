using Kalinga.Agents;
using Kalinga.Channels.Web;
using Kalinga.Customers;
using Kalinga.Customers.Auth;
using Kalinga.KnowledgeBase;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Data;

/// <summary>The help center's tables, and the portal's: customer sign-in links, passwords and mail.</summary>
public abstract partial class KalingaDb
{
    public DbSet<KbCategory> KbCategories => Set<KbCategory>();

    public DbSet<KbSection> KbSections => Set<KbSection>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleTranslation> ArticleTranslations => Set<ArticleTranslation>();

    public DbSet<ArticleVersion> ArticleVersions => Set<ArticleVersion>();

    public DbSet<ArticleFeedback> ArticleFeedback => Set<ArticleFeedback>();

    public DbSet<ArticleRead> ArticleReads => Set<ArticleRead>();

    public DbSet<KbFile> KbFiles => Set<KbFile>();

    public DbSet<SuggestedArticleVisit> SuggestedArticleVisits => Set<SuggestedArticleVisit>();

    public DbSet<SignInLink> SignInLinks => Set<SignInLink>();

    public DbSet<PortalAccount> PortalAccounts => Set<PortalAccount>();

    public DbSet<PortalMail> PortalMail => Set<PortalMail>();

    private static void ConfigureKnowledgeBase(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KbCategory>(e =>
        {
            e.Property(c => c.Key).HasMaxLength(ArticleKeys.MaxLength);
            e.HasIndex(c => c.Key).IsUnique();
            e.Property(c => c.Titles).HasConversion(new JsonConverter<Dictionary<string, string>>(), new DictionaryComparer());
            e.Property(c => c.Descriptions).HasConversion(new JsonConverter<Dictionary<string, string>>(), new DictionaryComparer());
            e.HasMany(c => c.Sections).WithOne().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<KbSection>(e =>
        {
            e.Property(s => s.Key).HasMaxLength(ArticleKeys.MaxLength);
            e.HasIndex(s => s.Key).IsUnique();
            e.Property(s => s.Titles).HasConversion(new JsonConverter<Dictionary<string, string>>(), new DictionaryComparer());
        });

        modelBuilder.Entity<Article>(e =>
        {
            e.Property(a => a.Key).HasMaxLength(ArticleKeys.MaxLength);
            e.HasIndex(a => a.Key).IsUnique();
            e.HasOne<KbSection>().WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.SectionId, a.Position });
            e.HasMany(a => a.Translations).WithOne().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ArticleTranslation>(e =>
        {
            e.Property(t => t.Language).HasMaxLength(8);
            e.Property(t => t.Title).HasMaxLength(ArticleTranslation.MaxTitle);
            e.Property(t => t.Summary).HasMaxLength(ArticleTranslation.MaxSummary);
            e.Property(t => t.DraftTitle).HasMaxLength(ArticleTranslation.MaxTitle);
            e.Property(t => t.DraftSummary).HasMaxLength(ArticleTranslation.MaxSummary);
            e.HasIndex(t => new { t.ArticleId, t.Language }).IsUnique();

            // Home pages list the most read articles of one language.
            e.HasIndex(t => new { t.Language, t.ViewCount });
            e.HasMany(t => t.Versions).WithOne().HasForeignKey(v => v.TranslationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Agent>().WithMany().HasForeignKey(t => t.DraftSavedById).OnDelete(DeleteBehavior.SetNull);
            e.Ignore(t => t.IsPublished);
            e.Ignore(t => t.HasDraft);
        });

        modelBuilder.Entity<ArticleVersion>(e =>
        {
            e.Property(v => v.Title).HasMaxLength(ArticleTranslation.MaxTitle);
            e.Property(v => v.Summary).HasMaxLength(ArticleTranslation.MaxSummary);
            e.HasIndex(v => new { v.TranslationId, v.Number }).IsUnique();
            e.HasOne<Agent>().WithMany().HasForeignKey(v => v.PublishedById).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<KnowledgeBase.ArticleFeedback>(e =>
        {
            e.Property(f => f.Comment).HasMaxLength(KnowledgeBase.ArticleFeedback.MaxComment);
            e.HasOne<ArticleTranslation>().WithMany().HasForeignKey(f => f.TranslationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Customer>().WithMany().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(f => new { f.TranslationId, f.Id });
        });

        modelBuilder.Entity<ArticleRead>(e =>
        {
            e.HasKey(r => new { r.ArticleId, r.AgentId });
            e.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Agent>().WithMany().HasForeignKey(r => r.AgentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<KbFile>(e =>
        {
            e.Property(f => f.Name).HasMaxLength(200);
            e.Property(f => f.Language).HasMaxLength(8);
            e.Property(f => f.ContentType).HasMaxLength(127);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.HasIndex(f => new { f.Name, f.Language }).IsUnique();
        });

        modelBuilder.Entity<SuggestedArticleVisit>(e =>
        {
            e.Property(v => v.FormId).HasMaxLength(32);
            e.Property(v => v.Language).HasMaxLength(8);
            e.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Ticket>().WithMany().HasForeignKey(v => v.TicketId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(v => v.FormId);
            e.HasIndex(v => v.OpenedAt);
        });
    }

    private static void ConfigurePortal(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SignInLink>(e =>
        {
            e.Property(l => l.Hash).HasMaxLength(64);
            e.Property(l => l.Email).HasMaxLength(320);
            e.HasIndex(l => l.Hash).IsUnique();
            e.HasIndex(l => new { l.CustomerId, l.CreatedAt });
            e.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PortalAccount>(e =>
        {
            e.HasKey(a => a.CustomerId);
            e.Property(a => a.PasswordHash).HasMaxLength(200);
            e.HasOne<Customer>().WithOne().HasForeignKey<PortalAccount>(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Channels.Web.PortalMail>(e =>
        {
            e.Property(m => m.To).HasMaxLength(320);
            e.Property(m => m.Language).HasMaxLength(8);
            e.Property(m => m.Subject).HasMaxLength(500);
            e.Property(m => m.Secret).HasMaxLength(100);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(m => new { m.CustomerId, m.CreatedAt });
        });
    }
}
