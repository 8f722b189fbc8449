using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kalinga.Data.Postgres.Migrations;

/// <summary>
/// The tsvector tables behind <see cref="Search.PostgresSearchIndex"/>, with GIN indexes (rows go with their message
/// or ticket), and the sequence that numbers tickets.
/// </summary>
[DbContext(typeof(PostgresKalingaDb))]
[Migration("20261124110000_SearchIndex")]
public sealed class SearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "MessageSearch" (
                "MessageId" bigint PRIMARY KEY REFERENCES "Messages"("Id") ON DELETE CASCADE,
                "Vector" tsvector NOT NULL);
            CREATE INDEX "IX_MessageSearch_Vector" ON "MessageSearch" USING GIN ("Vector");
            CREATE TABLE "TicketSearch" (
                "TicketId" bigint PRIMARY KEY REFERENCES "Tickets"("Id") ON DELETE CASCADE,
                "Vector" tsvector NOT NULL);
            CREATE INDEX "IX_TicketSearch_Vector" ON "TicketSearch" USING GIN ("Vector");
            CREATE SEQUENCE "TicketNumbers" START WITH 1000;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP SEQUENCE "TicketNumbers"; DROP TABLE "TicketSearch"; DROP TABLE "MessageSearch";""");
    }
}
