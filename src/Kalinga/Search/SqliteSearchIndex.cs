using Kalinga.Data;
using Microsoft.EntityFrameworkCore;

namespace Kalinga.Search;

/// <summary>
/// Two contentless FTS5 tables (created by the SQLite migrations): <c>MessageSearch</c> keyed by message id and
/// <c>TicketSearch</c> keyed by ticket id. Contentless means the text is not stored twice; the folded text
/// is tokenized by unicode61, which also drops the diacritics that <see cref="TextFolding"/> leaves.
/// <c>ArticleSearch</c> holds published article translations keyed by translation id, with the language as a column
/// so that a search in one language never leaves the index to filter.
/// </summary>
public sealed class SqliteSearchIndex : ISearchIndex
{
    public static readonly SqliteSearchIndex Instance = new();

    public async Task WriteAsync(KalingaDb db, SearchChanges changes, CancellationToken ct)
    {
        foreach (var message in changes.Messages)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"MessageSearch\"(rowid, body) VALUES ({message.Id}, {TextFolding.ForIndex(message.Text)})", ct);
        }

        foreach (var ticket in changes.Subjects)
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"TicketSearch\" WHERE rowid = {ticket.Id}", ct);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"TicketSearch\"(rowid, subject) VALUES ({ticket.Id}, {TextFolding.ForIndex(ticket.Subject)})", ct);
        }

        foreach (var id in changes.RemovedArticles.Concat(changes.Articles.Select(a => a.Id)))
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"ArticleSearch\" WHERE rowid = {id}", ct);
        }

        foreach (var a in changes.Articles)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ArticleSearch"(rowid, lang, title, body)
                VALUES ({a.Id}, {a.Language}, {TextFolding.ForIndex(a.Title)}, {TextFolding.ForIndex(a.Summary + "\n" + a.PlainText)})
                """, ct);
        }
    }

    // The language column is matched as a column filter and the words only against title and body, so a search for
    // "it" is not an Italian article. A title match weighs four times a body match.
    public IQueryable<ArticleHit> FindArticles(KalingaDb db, SearchQuery query, string language)
    {
        var match = $"lang : \"{LanguageCode(language)}\" AND {{title body}} : ({query.ToFts5()})";
        return db.Database.SqlQuery<ArticleHit>($"""
            SELECT rowid AS "TranslationId", bm25("ArticleSearch", 0.0, 4.0, 1.0) AS "Score"
            FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {match}
            """);
    }

    private static string LanguageCode(string language) =>
        language.All(char.IsAsciiLetterLower) ? language : throw new ArgumentException("Not a language code.", nameof(language));

    // A subject match weighs twice a body match. bm25 is negative, lower is better; with MIN the bare
    // MessageId column comes from the best row (an SQLite guarantee for min/max aggregates). Each table yields its
    // newest matches first (FTS5 walks its doclists by rowid, newest last) and stops at the window, so a common word
    // costs what a rare one costs; see SearchQuery.Window.
    public IQueryable<SearchHit> Find(KalingaDb db, SearchQuery query)
    {
        var match = query.ToFts5();
        return db.Database.SqlQuery<SearchHit>($"""
            SELECT "TicketId", MIN("Score") AS "Score", "MessageId" FROM (
                SELECT m."TicketId" AS "TicketId", h."Score" AS "Score", m."Id" AS "MessageId"
                FROM (
                    SELECT rowid AS "Id", bm25("MessageSearch") AS "Score" FROM "MessageSearch"
                    WHERE "MessageSearch" MATCH {match} ORDER BY rowid DESC LIMIT {SearchQuery.Window}
                ) AS h JOIN "Messages" AS m ON m."Id" = h."Id"
                UNION ALL
                SELECT "Id", "Score" * 2.0, NULL FROM (
                    SELECT rowid AS "Id", bm25("TicketSearch") AS "Score" FROM "TicketSearch"
                    WHERE "TicketSearch" MATCH {match} ORDER BY rowid DESC LIMIT {SearchQuery.Window}
                )
            ) GROUP BY "TicketId"
            """);
    }
}
