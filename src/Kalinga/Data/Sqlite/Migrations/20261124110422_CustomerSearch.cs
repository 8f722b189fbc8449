using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kalinga.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CustomerSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organizations_Name",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Customers_MergedIntoId",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Name",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_OrganizationId",
                table: "Customers");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Organizations",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Customers",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            // Existing rows get an approximate key (lower case, accents kept) since the database cannot run
            // TextFolding; the app writes the exact key whenever it sets a name.
            migrationBuilder.Sql("""UPDATE "Customers" SET "NameKey" = lower("Name");""");
            migrationBuilder.Sql("""UPDATE "Organizations" SET "NameKey" = lower("Name");""");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_NameKey_Id",
                table: "Organizations",
                columns: new[] { "NameKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_MergedIntoId",
                table: "Customers",
                column: "MergedIntoId",
                filter: "\"MergedIntoId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_NameKey_Id",
                table: "Customers",
                columns: new[] { "NameKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OrganizationId_NameKey_Id",
                table: "Customers",
                columns: new[] { "OrganizationId", "NameKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organizations_NameKey_Id",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Customers_MergedIntoId",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_NameKey_Id",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_OrganizationId_NameKey_Id",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Name",
                table: "Organizations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_MergedIntoId",
                table: "Customers",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Name",
                table: "Customers",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OrganizationId",
                table: "Customers",
                column: "OrganizationId");
        }
    }
}
