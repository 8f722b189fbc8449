using System.Data.Common;
using System.Text.Json;
using Kalinga.Channels;
using Kalinga.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kalinga.Tickets;

/// <summary>
/// One ticket with its whole conversation and timeline, in two commands on one connection whatever its length: the
/// ticket, then its labels, messages, attachments and events as four result sets of one batch.
/// </summary>
/// <remarks>
/// This is the most frequent read of the API, so it is written in SQL rather than as EF queries: the profile of the
/// 100,000-ticket bench put two thirds of the request in EF's four compiled queries, most of it SQLite preparing the
/// long generated SQL, EF's per-query pipeline and the delegates its shapers build on every execution (see
/// docs/performance.md). On SQLite the two commands run on a connection of <see cref="PreparedReads"/>, prepared once;
/// on PostgreSQL, or inside a transaction, on the context's connection. The SQL is plain enough for both engines; the
/// columns and enum words are those of the EF model (<see cref="KalingaDb"/>: enums as their names, except
/// <see cref="Priority"/>, instants in UTC), and the ticket tests read through it on SQLite and PostgreSQL.
/// </remarks>
public sealed class GetTicket(KalingaDb db, PreparedReads? prepared = null)
{
    private const string TicketSql = """
        SELECT t."Id", t."Number", t."Subject", t."Status", t."Priority", r."Code", t."Channel", t."Language",
               t."CustomerId", c."Name", t."OrganizationId", t."AssigneeId", t."TeamId", t."CustomFields",
               t."CreatedAt", t."UpdatedAt", t."FirstResponseAt", t."SolvedAt", t."ClosedAt", mt."Number", t."Version"
        FROM "Tickets" AS t
        LEFT JOIN "ContactReasons" AS r ON r."Id" = t."ReasonId"
        LEFT JOIN "Customers" AS c ON c."Id" = t."CustomerId"
        LEFT JOIN "Tickets" AS mt ON mt."Id" = t."MergedIntoId"
        WHERE t."Number" = @number
        """;

    // An author's name is looked up only in the table of its kind, by key, row by row: less than a further query per
    // kind, and on PostgreSQL a plan of one index scan. Four outer joins instead made PostgreSQL plan every read for
    // 1.7 ms and hash the whole agents table each time (EXPLAIN on the 1,000,000-ticket desk; docs/performance.md).
    private static readonly string TimelineSql = $"""
        SELECT 0, g."Name" FROM "TicketTags" AS x JOIN "Tags" AS g ON g."Id" = x."TagId" WHERE x."TicketId" = @id
        UNION ALL
        SELECT 1, d."Code" FROM "TicketCause" AS x JOIN "DissatisfactionCauses" AS d ON d."Id" = x."CauseId" WHERE x."TicketId" = @id;

        SELECT m."Id", m."Direction", m."Kind", m."AuthorKind", m."AuthorId", m."Text", m."Html", m."DeliveryStatus",
               m."DeliveryError", m."CreatedAt",
               {NameOf("m.\"AuthorKind\"", "m.\"AuthorId\"")}
        FROM "Messages" AS m
        WHERE m."TicketId" = @id
        ORDER BY m."CreatedAt", m."Id";

        SELECT a."MessageId", a."Id", a."FileName", a."ContentType", a."Size"
        FROM "Messages" AS m JOIN "Attachments" AS a ON a."MessageId" = m."Id"
        WHERE m."TicketId" = @id
        ORDER BY a."Id";

        SELECT e."Id", e."Type", e."ActorKind", e."ActorId", e."Data", e."CreatedAt",
               {NameOf("e.\"ActorKind\"", "e.\"ActorId\"")}
        FROM "Events" AS e
        WHERE e."TicketId" = @id
        ORDER BY e."Id"
        """;

    private static readonly IReadOnlyList<AttachmentView> NoAttachments = [];

    // The name of the author or actor a row's kind and id point at.
    private static string NameOf(string kind, string id) => $"""
        CASE {kind}
            WHEN 'Agent' THEN (SELECT "Name" FROM "Agents" WHERE "Id" = {id})
            WHEN 'Customer' THEN (SELECT "Name" FROM "Customers" WHERE "Id" = {id})
            WHEN 'ApiToken' THEN (SELECT "Name" FROM "ApiTokens" WHERE "Id" = {id})
            WHEN 'Rule' THEN (SELECT "Name" FROM "Rules" WHERE "Id" = {id})
        END
        """;

    public async Task<TicketDetails?> HandleAsync(long number, CancellationToken ct)
    {
        // Inside a transaction the read must see its uncommitted changes, so it uses the context's connection.
        if (prepared is not null && db.Database.CurrentTransaction is null)
        {
            var lease = await prepared.RentAsync(db, ct);
            var healthy = false;
            try
            {
                var details = await ReadAsync(lease.Command, owned: false, number, ct);
                healthy = true;
                return details;
            }
            finally
            {
                lease.Release(healthy);
            }
        }

        await using var connection = await ConnectionScope.OpenAsync(db, ct);
        return await ReadAsync(ContextCommand, owned: true, number, ct);
    }

    private static async Task<TicketDetails?> ReadAsync(Func<string, string, long, DbCommand> command, bool owned, long number, CancellationToken ct)
    {
        TicketRow row;
        var ticket = command(TicketSql, "@number", number);
        try
        {
            await using var reader = await ticket.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            row = ReadTicket(reader);
        }
        finally
        {
            if (owned)
            {
                await ticket.DisposeAsync();
            }
        }

        var tags = new List<string>();
        var causes = new List<string>();
        var messages = new List<MessageRow>();
        var events = new List<EventView>();
        var attachments = new Dictionary<long, List<AttachmentView>>();
        var timeline = command(TimelineSql, "@id", row.Id);
        try
        {
            await using var reader = await timeline.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                (reader.GetInt32(0) == 0 ? tags : causes).Add(reader.GetString(1));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                messages.Add(ReadMessage(reader));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var messageId = reader.GetInt64(0);
                if (!attachments.TryGetValue(messageId, out var list))
                {
                    attachments[messageId] = list = [];
                }

                list.Add(new AttachmentView(reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                events.Add(new EventView(
                    reader.GetInt64(0), reader.GetString(1), PartyNames.Of(Enum.Parse<ActorKind>(reader.GetString(2)), NullableInt64(reader, 3), NullableString(reader, 6)),
                    new EventData(reader.GetString(4)), Utc(reader, 5)));
            }
        }
        finally
        {
            if (owned)
            {
                await timeline.DisposeAsync();
            }
        }

        return new TicketDetails(
            row.Id, row.Number, row.Subject, row.Status, row.Priority, row.Reason, row.Channel, row.Language,
            PartyNames.Of(ActorKind.Customer, row.CustomerId, row.CustomerName), row.OrganizationId, row.AssigneeId, row.TeamId,
            [.. tags.Order()], [.. causes.Order()], row.CustomFields,
            row.CreatedAt, row.UpdatedAt, row.FirstResponseAt, row.SolvedAt, row.ClosedAt, row.MergedInto, row.Version,
            [.. messages.Select(m => m.View(attachments.GetValueOrDefault(m.Id) ?? NoAttachments))],
            events);
    }

    public static MessageView ToView(Message m, PartyNames names) =>
        new(m.Id, m.Direction, m.Kind, m.IsInternal, names.View(m.Author), m.Text, m.Html, m.DeliveryStatus, m.DeliveryError, m.CreatedAt,
            [.. m.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size))]);

    private DbCommand ContextCommand(string sql, string parameter, long value)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var p = command.CreateParameter();
        p.ParameterName = parameter;
        p.Value = value;
        command.Parameters.Add(p);
        return command;
    }

    private static TicketRow ReadTicket(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), Enum.Parse<TicketStatus>(r.GetString(3)), (Priority)r.GetInt32(4),
        NullableString(r, 5) ?? "", Enum.Parse<Channel>(r.GetString(6)), r.GetString(7), r.GetInt64(8), NullableString(r, 9),
        NullableInt64(r, 10), NullableInt64(r, 11), NullableInt64(r, 12),
        JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(13), JsonSerializerOptions.Default)!,
        Utc(r, 14), Utc(r, 15), NullableUtc(r, 16), NullableUtc(r, 17), NullableUtc(r, 18), NullableInt64(r, 19), r.GetInt32(20));

    private static MessageRow ReadMessage(DbDataReader r)
    {
        var kind = Enum.Parse<MessageKind>(r.GetString(2));
        return new MessageRow(
            r.GetInt64(0), Enum.Parse<MessageDirection>(r.GetString(1)), kind, kind == MessageKind.Note,
            PartyNames.Of(Enum.Parse<ActorKind>(r.GetString(3)), NullableInt64(r, 4), NullableString(r, 10)),
            r.GetString(5), NullableString(r, 6), Enum.Parse<DeliveryStatus>(r.GetString(7)), NullableString(r, 8), Utc(r, 9));
    }

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? NullableInt64(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    // Every instant is stored in UTC; SQLite keeps no kind (as the model's converter, KalingaDb.Model.cs).
    private static DateTime Utc(DbDataReader r, int i) =>
        DateTime.SpecifyKind(r is SqliteDataReader sqlite && StoredInstant(sqlite.GetString(i)) is { } at ? at : r.GetDateTime(i), DateTimeKind.Utc);

    /// <summary>
    /// The text EF stores an instant as on SQLite (<c>yyyy-MM-dd HH:mm:ss</c> and up to seven digits of fraction), read by
    /// its exact format: <see cref="DateTime.Parse(string)"/>, which Microsoft.Data.Sqlite calls, tries every format it
    /// knows and took 2.4 % of the request's CPU for the instants of a ticket and each of its messages and events.
    /// Anything else is left to it (null).
    /// </summary>
    private static DateTime? StoredInstant(string s) =>
        DateTime.TryParseExact(s, StoredFormat, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null;

    private const string StoredFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private static DateTime? NullableUtc(DbDataReader r, int i) => r.IsDBNull(i) ? null : Utc(r, i);

    private sealed record TicketRow(
        long Id, long Number, string Subject, TicketStatus Status, Priority Priority, string Reason, Channel Channel, string Language,
        long CustomerId, string? CustomerName, long? OrganizationId, long? AssigneeId, long? TeamId, Dictionary<string, string> CustomFields,
        DateTime CreatedAt, DateTime UpdatedAt, DateTime? FirstResponseAt, DateTime? SolvedAt, DateTime? ClosedAt, long? MergedInto, int Version);

    private sealed record MessageRow(
        long Id, MessageDirection Direction, MessageKind Kind, bool Internal, PartyView Author, string Text, string? Html,
        DeliveryStatus DeliveryStatus, string? DeliveryError, DateTime CreatedAt)
    {
        public MessageView View(IReadOnlyList<AttachmentView> attachments) =>
            new(Id, Direction, Kind, Internal, Author, Text, Html, DeliveryStatus, DeliveryError, CreatedAt, attachments);
    }
}
