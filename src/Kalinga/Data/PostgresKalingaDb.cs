using Kalinga.Search;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Data;

public sealed class PostgresKalingaDb(DbContextOptions<PostgresKalingaDb> options) : KalingaDb(options)
{
    public override ISearchIndex SearchIndex => PostgresSearchIndex.Instance;

    public override async Task<long> NextTicketNumberAsync(CancellationToken ct) =>
        (await Database.SqlQueryRaw<long>($"SELECT nextval('\"{TicketNumbers.PostgresSequence}\"') AS \"Value\"").ToListAsync(ct)).Single();
}
