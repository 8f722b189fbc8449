using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Search;

/// <summary>
/// <c>MessageSearch</c> and <c>TicketSearch</c> tables of tsvectors with GIN indexes (created by the PostgreSQL
/// migrations). The <c>simple</c> configuration does no stemming, which suits four languages equally, and the
/// text arrives already folded, so no unaccent extension is needed.
/// </summary>
public sealed class PostgresSearchIndex : ISearchIndex
{
    public static readonly PostgresSearchIndex Instance = new();

    public async Task WriteAsync(KalingaDb db, SearchChanges changes, CancellationToken ct)
    {
        if (changes.Messages.Count > 0)
        {
            var ids = changes.Messages.Select(m => m.Id).ToArray();
            var texts = changes.Messages.Select(m => TextFolding.ForIndex(m.Text)).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "MessageSearch"("MessageId", "Vector")
                SELECT id, to_tsvector('simple', body) FROM unnest({ids}, {texts}) AS u(id, body)
                """, ct);
        }

        if (changes.Subjects.Count > 0)
        {
            var ids = changes.Subjects.Select(t => t.Id).ToArray();
            var texts = changes.Subjects.Select(t => TextFolding.ForIndex(t.Subject)).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "TicketSearch"("TicketId", "Vector")
                SELECT id, to_tsvector('simple', subject) FROM unnest({ids}, {texts}) AS u(id, subject)
                ON CONFLICT ("TicketId") DO UPDATE SET "Vector" = excluded."Vector"
                """, ct);
        }
    }

    public IQueryable<SearchHit> Find(KalingaDb db, SearchQuery query)
    {
        var tsquery = query.ToTsQuery();
        return db.Database.SqlQuery<SearchHit>($"""
            SELECT DISTINCT ON ("TicketId") "TicketId", "Score", "MessageId" FROM (
                SELECT m."TicketId" AS "TicketId", -ts_rank(s."Vector", q)::float8 AS "Score", m."Id" AS "MessageId"
                FROM "MessageSearch" AS s JOIN "Messages" AS m ON m."Id" = s."MessageId",
                     to_tsquery('simple', {tsquery}) AS q
                WHERE s."Vector" @@ q
                UNION ALL
                SELECT s."TicketId", -2 * ts_rank(s."Vector", q)::float8, NULL::bigint
                FROM "TicketSearch" AS s, to_tsquery('simple', {tsquery}) AS q
                WHERE s."Vector" @@ q
            ) AS hits
            ORDER BY "TicketId", "Score"
            """);
    }
}
