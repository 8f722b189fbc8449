using Kalinga.Customers;
using Kalinga.Search;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Data;

public sealed class PostgresKalingaDb(DbContextOptions<PostgresKalingaDb> options) : KalingaDb(options)
{
    public override ISearchIndex SearchIndex => PostgresSearchIndex.Instance;

    public override async Task<long> NextTicketNumberAsync(CancellationToken ct) =>
        (await Database.SqlQueryRaw<long>($"SELECT nextval('\"{TicketNumbers.PostgresSequence}\"') AS \"Value\"").ToListAsync(ct)).Single();

    // Other nodes may draw from the sequence at the same time: the numbers are distinct, not always consecutive.
    public override async Task<IReadOnlyList<long>> NextTicketNumbersAsync(int count, CancellationToken ct) =>
        count == 0 ? [] : [.. (await Database.SqlQueryRaw<long>(NextNumbers, count).ToListAsync(ct)).Order()];

    private const string NextNumbers = "SELECT nextval('\"" + TicketNumbers.PostgresSequence + "\"') AS \"Value\" FROM generate_series(1, {0})";

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
