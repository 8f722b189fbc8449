using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kalinga.Data.Sqlite.Migrations;

/// <summary>
/// The FTS5 tables behind <see cref="Search.SqliteSearchIndex"/>. Contentless (the text stays only in Messages
/// and Tickets) with contentless_delete so rows can be replaced; unicode61 with remove_diacritics 2 folds accents.
/// </summary>
[DbContext(typeof(SqliteKalingaDb))]
[Migration("20261124110000_SearchIndex")]
public sealed class SearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""CREATE VIRTUAL TABLE "MessageSearch" USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');""");
        migrationBuilder.Sql("""CREATE VIRTUAL TABLE "TicketSearch" USING fts5(subject, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TABLE "TicketSearch";""");
        migrationBuilder.Sql("""DROP TABLE "MessageSearch";""");
    }
}
