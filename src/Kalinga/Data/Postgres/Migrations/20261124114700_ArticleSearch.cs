using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kalinga.Data.Postgres.Migrations;

/// <summary>The tsvector table behind article search (<see cref="Search.PostgresSearchIndex"/>), one row per published translation.</summary>
[DbContext(typeof(PostgresKalingaDb))]
[Migration("20261124114700_ArticleSearch")]
public sealed class ArticleSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "ArticleSearch" (
                "TranslationId" integer PRIMARY KEY REFERENCES "ArticleTranslations"("Id") ON DELETE CASCADE,
                "Language" varchar(8) NOT NULL,
                "Vector" tsvector NOT NULL);
            CREATE INDEX "IX_ArticleSearch_Vector" ON "ArticleSearch" USING GIN ("Vector");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TABLE "ArticleSearch";""");
    }
}
