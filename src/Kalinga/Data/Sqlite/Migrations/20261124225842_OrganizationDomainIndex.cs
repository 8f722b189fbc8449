using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kalinga.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrganizationDomainIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OrganizationDomains",
                columns: table => new
                {
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationDomains", x => x.Domain);
                    table.ForeignKey(
                        name: "FK_OrganizationDomains_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationDomains_OrganizationId",
                table: "OrganizationDomains",
                column: "OrganizationId");

            // Every organization's domains as rows; a domain two organizations both claimed (only a race could do
            // that) stays with the older one.
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "OrganizationDomains" ("Domain", "OrganizationId") SELECT j.value, o."Id" FROM "Organizations" o, json_each(o."Domains") j ORDER BY o."Id";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrganizationDomains");
        }
    }
}
