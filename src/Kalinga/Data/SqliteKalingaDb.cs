using Kalinga.Search;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Data;

public sealed class SqliteKalingaDb(DbContextOptions<SqliteKalingaDb> options) : KalingaDb(options)
{
    public override ISearchIndex SearchIndex => SqliteSearchIndex.Instance;

    public override async Task<long> NextTicketNumberAsync(CancellationToken ct) =>
        (await Database.SqlQuery<long>(
            $"UPDATE \"Counters\" SET \"Next\" = \"Next\" + 1 WHERE \"Name\" = {TicketNumbers.CounterName} RETURNING \"Next\" - 1 AS \"Value\"")
            .ToListAsync(ct)).Single();
}
