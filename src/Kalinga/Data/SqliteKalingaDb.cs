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

    public override async Task<IReadOnlyList<long>> NextTicketNumbersAsync(int count, CancellationToken ct)
    {
        if (count == 0)
        {
            return [];
        }

        var first = (await Database.SqlQuery<long>(
            $"UPDATE \"Counters\" SET \"Next\" = \"Next\" + {count} WHERE \"Name\" = {TicketNumbers.CounterName} RETURNING \"Next\" - {count} AS \"Value\"")
            .ToListAsync(ct)).Single();
        return [.. Enumerable.Range(0, count).Select(i => first + i)];
    }
}
