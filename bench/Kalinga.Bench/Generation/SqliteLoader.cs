using System.Text.Json;
using Kalinga.Data;
using Kalinga.Search;
using Microsoft.Data.Sqlite;

namespace Kalinga.Bench.Generation;

/// <summary>
/// Prepared INSERTs on one connection in large transactions, with journaling off for the load (the file is a cache
/// the bench can always make again), secondary indexes built once at the end, and the FTS5 tables filled in the same
/// pass with the text the app would index (<see cref="TextFolding.ForIndex"/>).
/// </summary>
public sealed class SqliteLoader(string databaseFile) : IBulkLoader
{
    private const int TicketsPerTransaction = 50_000;

    private readonly SqliteConnection connection = new(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString());
    private readonly Dictionary<string, SqliteCommand> inserts = [];
    private readonly List<(string Name, string Sql)> indexes = [];
    private SqliteTransaction? transaction;
    private int ticketsInTransaction;

    public Task BeginAsync()
    {
        connection.Open();
        Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        using (var list = connection.CreateCommand())
        {
            list.CommandText = $"""
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", Schema.Bulk.Select(t => $"'{t}'"))})
                """;
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Execute($"DROP INDEX \"{name}\"");
        }

        transaction = connection.BeginTransaction();
        return Task.CompletedTask;
    }

    public Task WriteDeskAsync(DeskRows desk)
    {
        var plan = desk.Plan;
        WriteAll(Schema.Teams, plan.Teams);
        WriteAll(Schema.Agents, plan.Agents);
        WriteAll(Schema.TeamMembers, desk.TeamMembers);
        WriteAll(Schema.Tags, plan.Tags);
        WriteAll(Schema.Organizations, plan.Organizations);
        WriteAll(Schema.OrganizationDomains, Schema.DomainsOf(plan.Organizations));
        WriteAll(Schema.Customers, plan.Customers);
        WriteAll(Schema.Identities, desk.Identities);
        WriteAll(Schema.Events, desk.CustomerEvents);
        return Task.CompletedTask;
    }

    public Task WriteAsync(TicketBatch batch)
    {
        WriteAll(Schema.Tickets, batch.Tickets);
        WriteAll(Schema.Messages, batch.Messages);
        WriteAll(Schema.Events, batch.Events);
        WriteAll(Schema.TicketTags, batch.Tags);
        var messageSearch = Insert("MessageSearch", ["rowid", "body"]);
        foreach (var m in batch.Messages)
        {
            messageSearch.Parameters[0].Value = m.Id;
            messageSearch.Parameters[1].Value = m.SearchText;
            messageSearch.ExecuteNonQuery();
        }

        var ticketSearch = Insert("TicketSearch", ["rowid", "subject"]);
        foreach (var t in batch.Tickets)
        {
            ticketSearch.Parameters[0].Value = t.Id;
            ticketSearch.Parameters[1].Value = TextFolding.ForIndex(t.Subject);
            ticketSearch.ExecuteNonQuery();
        }

        ticketsInTransaction += batch.Tickets.Count;
        if (ticketsInTransaction >= TicketsPerTransaction)
        {
            Commit();
        }

        return Task.CompletedTask;
    }

    public Task FinishAsync(Plan plan)
    {
        Execute($"""UPDATE "Counters" SET "Next" = {TicketNumbers.First + plan.Tickets} WHERE "Name" = '{TicketNumbers.CounterName}'""");
        Commit();
        foreach (var (_, sql) in indexes)
        {
            Execute(sql);
        }

        // Merges the b-trees that many small inserts leave behind, as FTS5's automerge would over months of use.
        Execute("""INSERT INTO "MessageSearch"("MessageSearch") VALUES ('optimize'); INSERT INTO "TicketSearch"("TicketSearch") VALUES ('optimize');""");
        transaction?.Commit();
        transaction = null;
        Execute("PRAGMA journal_mode = WAL;");
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in inserts.Values)
        {
            await command.DisposeAsync();
        }

        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        await connection.DisposeAsync();
    }

    private void Commit()
    {
        transaction!.Commit();
        transaction.Dispose();
        transaction = connection.BeginTransaction();
        foreach (var command in inserts.Values)
        {
            command.Transaction = transaction;
        }

        ticketsInTransaction = 0;
    }

    private void WriteAll<T>(Table<T> table, IEnumerable<T> rows)
    {
        var insert = Insert(table.Name, table.Columns);
        foreach (var row in rows)
        {
            var values = table.Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    string[] list => JsonSerializer.Serialize(list),
                    var value => value,
                };
            }

            insert.ExecuteNonQuery();
        }
    }

    private SqliteCommand Insert(string table, string[] columns)
    {
        if (inserts.TryGetValue(table, out var command))
        {
            return command;
        }

        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => c == "rowid" ? c : $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, null));
        }

        command.Prepare();
        inserts[table] = command;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
