using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kalinga.Data;

public static class SchemaCheck
{
    /// <summary>
    /// Applies pending migrations, if any. Asking which are pending reads the history table; MigrateAsync itself also
    /// takes the migrations lock and diffs the whole model against the last snapshot, which took about a second of
    /// every start (and of every admin verb) when the schema was already up to date.
    /// </summary>
    public static async Task MigrateIfBehindAsync(this DatabaseFacade database, CancellationToken ct)
    {
        if ((await database.GetPendingMigrationsAsync(ct)).Any())
        {
            await database.MigrateAsync(ct);
        }
    }
}
