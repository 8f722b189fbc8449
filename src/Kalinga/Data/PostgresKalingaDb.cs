using Kalinga.Customers;
using Kalinga.Search;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Data;

public sealed class PostgresKalingaDb(DbContextOptions<PostgresKalingaDb> options) : KalingaDb(options)
{
    public override ISearchIndex SearchIndex => PostgresSearchIndex.Instance;

    public override async Task<long> NextTicketNumberAsync(CancellationToken ct) =>
        (await Database.SqlQueryRaw<long>($"SELECT nextval('\"{TicketNumbers.PostgresSequence}\"') AS \"Value\"").ToListAsync(ct)).Single();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Prefix search compares these columns with >= and <. Under a locale collation (en_US…) that order ignores
        // punctuation, so a prefix is not one contiguous range; "C" is code-point order, as SQLite's BINARY is,
        // whatever locale the database was created with.
        modelBuilder.Entity<Customer>().Property(c => c.NameKey).UseCollation("C");
        modelBuilder.Entity<Organization>().Property(o => o.NameKey).UseCollation("C");
        modelBuilder.Entity<CustomerIdentity>().Property(i => i.Value).UseCollation("C");
    }
}
