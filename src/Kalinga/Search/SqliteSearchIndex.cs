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

    // Rows per INSERT: two parameters each, well under SQLite's limit of 32,766 parameters per statement.
    private const int RowsPerInsert = 500;

    public async Task WriteAsync(KalingaDb db, SearchChanges changes, CancellationToken ct)
    {
        // A save of a hundred imported messages wrote its index rows one statement each; now a statement per table.
        await InsertAsync(db, "MessageSearch", "body", changes.Messages.Select(m => (m.Id, TextFolding.ForIndex(m.Text))), ct);

        var replaced = changes.Subjects.Where(t => !changes.IsNew(t)).Select(t => t.Id).ToList();
        if (replaced.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"TicketSearch\" WHERE rowid IN (SELECT value FROM json_each({System.Text.Json.JsonSerializer.Serialize(replaced)}))", ct);
        }

        await InsertAsync(db, "TicketSearch", "subject", changes.Subjects.Select(t => (t.Id, TextFolding.ForIndex(t.Subject))), ct);

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

    // Multi-row INSERTs of (rowid, text) into a contentless FTS5 table; table and column names are constants.
    private static async Task InsertAsync(KalingaDb db, string table, string column, IEnumerable<(long Id, string Text)> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(RowsPerInsert))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"({{{2 * i}}}, {{{(2 * i) + 1}}})"));
            var parameters = chunk.SelectMany(r => new object[] { r.Id, r.Text }).ToArray();
            var sql = "INSERT INTO \"" + table + "\"(rowid, " + column + ") VALUES " + values;
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
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

    /// <summary>
    /// A query that matches fewer than <see cref="SearchQuery.Window"/> messages and subjects is ranked by bm25, subject
    /// matches above body matches. A broader one is ordered subject matches first, then newest first: bm25 needs
    /// the number of rows each term matches, which FTS5 finds by walking every match (130 ms for a common word at a
    /// million tickets), and among thousands of matches recency is what an agent wants anyway.
    /// </summary>
    /// <remarks>
    /// A prefix term ("refund*") makes FTS5 merge the whole doclist of every word it starts before the first row comes
    /// out, so the window does not stop it; a plain term is read newest first and stops at the window. When the words
    /// as typed already fill the window in either table, the newest window of those is the answer and the longer
    /// words are not expanded (for "refund" at a million tickets, a few milliseconds instead of a fifth of a second).
    /// <para>
    /// What a common word costs is mostly joining each hit of the window to its message and its ticket (lookups in the
    /// largest tables). Ordered newest first, a ticket whose newest match is outside a smaller window ranks below every
    /// ticket of that tier inside it, so when <paramref name="wanted"/> is given both tables are read in a window of a
    /// few times that. The page that comes out is the same as the whole window's when it is full and either every
    /// subject match was inside the smaller window or the page holds subject matches only; otherwise the caller asks
    /// again with the whole window (<see cref="SearchHits.Narrowed"/> and <see cref="SearchHits.SubjectsComplete"/>).
    /// </para>
    /// </remarks>
    public async Task<SearchHits> FindAsync(KalingaDb db, SearchQuery query, int? wanted, CancellationToken ct)
    {
        var window = wanted is { } w ? Math.Clamp(w * 4, NarrowWindow, SearchQuery.Window) : SearchQuery.Window;
        var narrowed = window < SearchQuery.Window;
        if (query.ToFts5AsTyped() is { } asTyped && await CountAsync(db, asTyped, ct) is var typed && typed.Largest >= SearchQuery.Window)
        {
            return new SearchHits(Newest(db, asTyped, window), narrowed, typed.Subjects <= window);
        }

        var match = query.ToFts5();
        var counts = await CountAsync(db, match, ct);
        return counts.Largest < SearchQuery.Window
            ? new SearchHits(Ranked(db, match), Narrowed: false)
            : new SearchHits(Newest(db, match, window), narrowed, counts.Subjects <= window);
    }

    private const int NarrowWindow = 100;

    // The two tables' match counts, each counted no further than the window.
    private static async Task<MatchCounts> CountAsync(KalingaDb db, string match, CancellationToken ct) =>
        await db.Database.SqlQuery<MatchCounts>($"""
            SELECT
                (SELECT count(*) FROM (SELECT rowid FROM "MessageSearch" WHERE "MessageSearch" MATCH {match} LIMIT {SearchQuery.Window})) AS "Messages",
                (SELECT count(*) FROM (SELECT rowid FROM "TicketSearch" WHERE "TicketSearch" MATCH {match} LIMIT {SearchQuery.Window})) AS "Subjects"
            """).SingleAsync(ct);

    private sealed class MatchCounts
    {
        public int Messages { get; init; }

        public int Subjects { get; init; }

        public int Largest => Math.Max(Messages, Subjects);
    }

    // bm25 is negative, lower is better, and each table weighs words by how rare they are in that table: a word rare
    // among a desk's many messages outweighs the same word in a subject. So a subject match ranks above every body
    // match, as in Newest: bm25 x is mapped onto x / (1 - x), in (-1, 0] for a body and one lower for a subject.
    // With MIN the bare MessageId column comes from the best row (an SQLite guarantee for min/max aggregates).
    private static IQueryable<SearchHit> Ranked(KalingaDb db, string match) => db.Database.SqlQuery<SearchHit>($"""
        SELECT "TicketId", MIN("Score") AS "Score", "MessageId" FROM (
            SELECT m."TicketId" AS "TicketId", bm25("MessageSearch") / (1.0 - bm25("MessageSearch")) AS "Score", m."Id" AS "MessageId"
            FROM "MessageSearch" JOIN "Messages" AS m ON m."Id" = "MessageSearch".rowid
            WHERE "MessageSearch" MATCH {match}
            UNION ALL
            SELECT "TicketSearch".rowid, -1.0 + bm25("TicketSearch") / (1.0 - bm25("TicketSearch")), NULL
            FROM "TicketSearch" WHERE "TicketSearch" MATCH {match}
        ) GROUP BY "TicketId"
        """);

    // FTS5 walks its doclists by rowid and stops at the window: the newest matches of each table, scored -1 for a
    // subject and 0 for a body, less a sliver per id so that newer sorts first.
    private static IQueryable<SearchHit> Newest(KalingaDb db, string match, int window) => db.Database.SqlQuery<SearchHit>($"""
        SELECT "TicketId", MIN("Score") AS "Score", "MessageId" FROM (
            SELECT m."TicketId" AS "TicketId", -(h."Id" * 1e-12) AS "Score", m."Id" AS "MessageId"
            FROM (
                SELECT rowid AS "Id" FROM "MessageSearch"
                WHERE "MessageSearch" MATCH {match} ORDER BY rowid DESC LIMIT {window}
            ) AS h JOIN "Messages" AS m ON m."Id" = h."Id"
            UNION ALL
            SELECT "Id", -1.0 - ("Id" * 1e-12), NULL FROM (
                SELECT rowid AS "Id" FROM "TicketSearch"
                WHERE "TicketSearch" MATCH {match} ORDER BY rowid DESC LIMIT {window}
            )
        ) GROUP BY "TicketId"
        """);
}
