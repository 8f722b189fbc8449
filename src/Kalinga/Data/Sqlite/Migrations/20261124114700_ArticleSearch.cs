using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kalinga.Data.Sqlite.Migrations;

/// <summary>
/// The FTS5 table behind article search (<see cref="Search.SqliteSearchIndex"/>): contentless, the language as an
/// indexed column so a search stays inside one language, and the same unicode61 folding as ticket search.
/// </summary>
[DbContext(typeof(SqliteKalingaDb))]
[Migration("20261124114700_ArticleSearch")]
public sealed class ArticleSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(lang, title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TABLE "ArticleSearch";""");
    }
}
