using Kalinga.Data;
using Kalinga.Search;
using Npgsql;
using NpgsqlTypes;

namespace Kalinga.Bench.Generation;

/// <summary>
/// Binary COPY with one open COPY stream per table for the whole load (each on its own connection, since a connection
/// runs one COPY at a time), foreign-key triggers off for those sessions (rows are consistent by construction, and
/// the streams commit independently), and secondary indexes built once at the end. The search tables are filled from
/// the folded text with <c>INSERT … SELECT to_tsvector('simple', …)</c>, the statement shape of the app's
/// <see cref="PostgresSearchIndex"/>.
/// </summary>
public sealed class PostgresLoader(string connectionString) : IBulkLoader
{
    private static readonly Table<MessageRow> MessageText = new("BenchMessageText", ["Id", "Body"], m => [m.Id, m.SearchText]);
    private static readonly Table<TicketRow> SubjectText = new("BenchSubjectText", ["Id", "Body"], t => [t.Id, TextFolding.ForIndex(t.Subject)]);

    private static readonly string[] IdentityTables =
        ["Teams", "Agents", "Tags", "Organizations", "Customers", "CustomerIdentities", "Tickets", "Messages", "Events"];

    private readonly Dictionary<string, (NpgsqlConnection Connection, NpgsqlBinaryImporter Copy)> copies = [];
    private readonly List<(string Name, string Definition)> indexes = [];

    public async Task BeginAsync()
    {
        await using var connection = await OpenAsync();
        await using (var list = new NpgsqlCommand(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """, connection))
        {
            list.Parameters.AddWithValue("tables", Schema.Bulk);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        await ExecuteAsync(connection, $"""
            CREATE UNLOGGED TABLE "{MessageText.Name}" ("Id" bigint, "Body" text);
            CREATE UNLOGGED TABLE "{SubjectText.Name}" ("Id" bigint, "Body" text);
            """);
    }

    public async Task WriteDeskAsync(DeskRows desk)
    {
        var plan = desk.Plan;
        await CopyAsync(Schema.Teams, plan.Teams);
        await CopyAsync(Schema.Agents, plan.Agents);
        await CopyAsync(Schema.TeamMembers, desk.TeamMembers);
        await CopyAsync(Schema.Tags, plan.Tags);
        await CopyAsync(Schema.Organizations, plan.Organizations);
        await CopyAsync(Schema.OrganizationDomains, Schema.DomainsOf(plan.Organizations));
        await CopyAsync(Schema.Customers, plan.Customers);
        await CopyAsync(Schema.Identities, desk.Identities);
        await CopyAsync(Schema.Events, desk.CustomerEvents);
    }

    public async Task WriteAsync(TicketBatch batch)
    {
        await CopyAsync(Schema.Tickets, batch.Tickets);
        await CopyAsync(Schema.Messages, batch.Messages);
        await CopyAsync(Schema.Events, batch.Events);
        await CopyAsync(Schema.TicketTags, batch.Tags);
        await CopyAsync(MessageText, batch.Messages);
        await CopyAsync(SubjectText, batch.Tickets);
    }

    public async Task FinishAsync(Plan plan)
    {
        foreach (var (connection, copy) in copies.Values)
        {
            await copy.CompleteAsync();
            await copy.DisposeAsync();
            await connection.DisposeAsync();
        }

        copies.Clear();

        // to_tsvector is the slow part: split the messages in two halves, one per connection, so both cores work.
        var middle = await ScalarAsync($"SELECT coalesce(max(\"Id\"), 0) / 2 FROM \"{MessageText.Name}\"");
        await Task.WhenAll(
            ExecuteAsync($"""INSERT INTO "MessageSearch" ("MessageId", "Vector") SELECT "Id", to_tsvector('simple', "Body") FROM "{MessageText.Name}" WHERE "Id" <= {middle}"""),
            ExecuteAsync($"""INSERT INTO "MessageSearch" ("MessageId", "Vector") SELECT "Id", to_tsvector('simple', "Body") FROM "{MessageText.Name}" WHERE "Id" > {middle}"""),
            ExecuteAsync($"""INSERT INTO "TicketSearch" ("TicketId", "Vector") SELECT "Id", to_tsvector('simple', "Body") FROM "{SubjectText.Name}" """));
        await ExecuteAsync($"""DROP TABLE "{MessageText.Name}"; DROP TABLE "{SubjectText.Name}";""");

        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync("SET maintenance_work_mem = '1GB'; " + definition);
        }

        foreach (var table in IdentityTables)
        {
            await ExecuteAsync($"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), greatest(1, (SELECT max("Id") FROM "{table}")))""");
        }

        await ExecuteAsync($"""SELECT setval('"{TicketNumbers.PostgresSequence}"', {TicketNumbers.First + plan.Tickets}, false)""");

        // A database that grew to this size in use would have been vacuumed and analyzed by autovacuum long ago.
        await ExecuteAsync("VACUUM ANALYZE");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (connection, copy) in copies.Values)
        {
            await copy.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private async Task CopyAsync<T>(Table<T> table, IEnumerable<T> rows)
    {
        if (!copies.TryGetValue(table.Name, out var stream))
        {
            var connection = await OpenAsync();
            await ExecuteAsync(connection, "SET session_replication_role = replica");
            var copy = await connection.BeginBinaryImportAsync(
                $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            copies[table.Name] = stream = (connection, copy);
        }

        foreach (var row in rows)
        {
            stream.Copy.StartRow();
            foreach (var value in table.Values(row))
            {
                switch (value)
                {
                    case null:
                        stream.Copy.WriteNull();
                        break;
                    case long l:
                        stream.Copy.Write(l, NpgsqlDbType.Bigint);
                        break;
                    case int i:
                        stream.Copy.Write(i, NpgsqlDbType.Integer);
                        break;
                    case bool b:
                        stream.Copy.Write(b, NpgsqlDbType.Boolean);
                        break;
                    case string s:
                        stream.Copy.Write(s, NpgsqlDbType.Text);
                        break;
                    case DateTime d:
                        stream.Copy.Write(d, NpgsqlDbType.TimestampTz);
                        break;
                    case string[] list:
                        stream.Copy.Write(list, NpgsqlDbType.Array | NpgsqlDbType.Text);
                        break;
                    default:
                        throw new InvalidOperationException($"No COPY mapping for {value.GetType()} in {table.Name}.");
                }
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
