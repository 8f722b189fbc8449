using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kalinga.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RoutingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeId_Status_Channel",
                table: "Tickets",
                columns: new[] { "AssigneeId", "Status", "Channel" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssigneeId_Status_Channel",
                table: "Tickets");
        }
    }
}
