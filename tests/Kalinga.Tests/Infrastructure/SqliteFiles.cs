using Microsoft.Data.Sqlite;

namespace Kalinga.Tests.Infrastructure;

/// <summary>Looks into a SQLite file directly, below Kalinga, the way an operator checking a backup would.</summary>
public static class SqliteFiles
{
    public static async Task<long> TicketCountAsync(string path) =>
        (long)(await ExecuteAsync(path, "SELECT COUNT(*) FROM Tickets"))!;

    public static async Task<object?> ExecuteAsync(string path, string sql)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
