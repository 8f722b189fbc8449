using Kalinga.Agents;
using Kalinga.Attachments;
using Kalinga.Customers;
using Kalinga.Notifications;
using Kalinga.Search;
using Kalinga.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Data;

/// <summary>
/// The one model. Each database engine has a subclass (<see cref="SqliteKalingaDb"/>, <see cref="PostgresKalingaDb"/>)
/// that owns its migrations and its full-text index; features only ever see this type.
/// </summary>
public abstract partial class KalingaDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<TicketEvent> Events => Set<TicketEvent>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<TicketTag> TicketTags => Set<TicketTag>();

    public DbSet<ContactReason> ContactReasons => Set<ContactReason>();

    public DbSet<DissatisfactionCause> DissatisfactionCauses => Set<DissatisfactionCause>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CustomerIdentity> CustomerIdentities => Set<CustomerIdentity>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<OrganizationDomain> OrganizationDomains => Set<OrganizationDomain>();

    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<Counter> Counters => Set<Counter>();

    public DbSet<SavedView> SavedViews => Set<SavedView>();

    public DbSet<TicketLink> TicketLinks => Set<TicketLink>();

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>The engine's full-text index, written in the same transaction as the rows it indexes.</summary>
    public abstract ISearchIndex SearchIndex { get; }

    /// <summary>The next human ticket number (see <see cref="TicketNumbers"/>).</summary>
    public abstract Task<long> NextTicketNumberAsync(CancellationToken ct);

    /// <summary>The next <paramref name="count"/> ticket numbers in one round trip, in ascending order (an import batch).</summary>
    public abstract Task<IReadOnlyList<long>> NextTicketNumbersAsync(int count, CancellationToken ct);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Collecting the search changes ran DetectChanges (ChangeTracker.Entries does), so the save itself skips it:
        // on an e-mail import it was the second walk over the tracked graph for every message.
        var pending = SearchChanges.Collect(ChangeTracker);
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveAsync(pending, acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task<int> SaveAsync(SearchChanges pending, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (pending.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await SearchIndex.WriteAsync(this, pending, cancellationToken);
            return saved;
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await SearchIndex.WriteAsync(this, pending, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
