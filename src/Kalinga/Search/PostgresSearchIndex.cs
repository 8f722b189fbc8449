using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Search;

/// <summary>
/// <c>MessageSearch</c> and <c>TicketSearch</c> tables of tsvectors with GIN indexes (created by the PostgreSQL
/// migrations). The <c>simple</c> configuration does no stemming, which suits four languages equally, and the
/// text arrives already folded, so no unaccent extension is needed. <c>ArticleSearch</c> weighs an article's title
/// (A) above its text (B).
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

        if (changes.RemovedArticles.Count > 0)
        {
            var removed = changes.RemovedArticles.ToArray();
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "ArticleSearch" WHERE "TranslationId" = ANY({removed})""", ct);
        }

        if (changes.Articles.Count > 0)
        {
            var ids = changes.Articles.Select(a => a.Id).ToArray();
            var languages = changes.Articles.Select(a => a.Language).ToArray();
            var titles = changes.Articles.Select(a => TextFolding.ForIndex(a.Title)).ToArray();
            var bodies = changes.Articles.Select(a => TextFolding.ForIndex(a.Summary + "\n" + a.PlainText)).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ArticleSearch"("TranslationId", "Language", "Vector")
                SELECT id, lang, setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')
                FROM unnest({ids}, {languages}, {titles}, {bodies}) AS u(id, lang, title, body)
                ON CONFLICT ("TranslationId") DO UPDATE SET "Language" = excluded."Language", "Vector" = excluded."Vector"
                """, ct);
        }
    }

    public IQueryable<ArticleHit> FindArticles(KalingaDb db, SearchQuery query, string language)
    {
        var tsquery = query.ToTsQuery();
        return db.Database.SqlQuery<ArticleHit>($"""
            SELECT s."TranslationId", -ts_rank(s."Vector", q)::float8 AS "Score"
            FROM "ArticleSearch" AS s, to_tsquery('simple', {tsquery}) AS q
            WHERE s."Language" = {language} AND s."Vector" @@ q
            """);
    }

    // Each table yields its newest matches first and stops at the window (see SearchQuery.Window); the rank is
    // computed on those rows only, after the limit. ts_rank reads only the row's own vector, so ranking the window
    // costs the same for a rare word and a common one.
    public Task<SearchHits> FindAsync(KalingaDb db, SearchQuery query, int? wanted, CancellationToken ct)
    {
        var tsquery = query.ToTsQuery();
        return Task.FromResult(new SearchHits(db.Database.SqlQuery<SearchHit>($"""
            SELECT DISTINCT ON ("TicketId") "TicketId", "Score", "MessageId" FROM (
                SELECT m."TicketId" AS "TicketId", -ts_rank(h."Vector", to_tsquery('simple', {tsquery}))::float8 AS "Score", m."Id" AS "MessageId"
                FROM (
                    SELECT s."MessageId", s."Vector" FROM "MessageSearch" AS s
                    WHERE s."Vector" @@ to_tsquery('simple', {tsquery}) ORDER BY s."MessageId" DESC LIMIT {SearchQuery.Window}
                ) AS h JOIN "Messages" AS m ON m."Id" = h."MessageId"
                UNION ALL
                SELECT h."TicketId", -2 * ts_rank(h."Vector", to_tsquery('simple', {tsquery}))::float8, NULL::bigint
                FROM (
                    SELECT s."TicketId", s."Vector" FROM "TicketSearch" AS s
                    WHERE s."Vector" @@ to_tsquery('simple', {tsquery}) ORDER BY s."TicketId" DESC LIMIT {SearchQuery.Window}
                ) AS h
            ) AS hits
            ORDER BY "TicketId", "Score"
            """), Narrowed: false));
    }
}
