using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Kalinga.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TargetsRoutingRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAt",
                table: "Tickets",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "ChainDepth",
                table: "Events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AgentRoutings",
                columns: table => new
                {
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DefaultCapacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<string>(type: "TEXT", nullable: false),
                    Products = table.Column<string>(type: "TEXT", nullable: false),
                    LastAssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedCount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentRoutings", x => x.AgentId);
                    table.ForeignKey(
                        name: "FK_AgentRoutings_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BusinessCalendars",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hours = table.Column<string>(type: "TEXT", nullable: false),
                    Holidays = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessCalendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Macros",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Actions = table.Column<string>(type: "TEXT", nullable: false),
                    Templates = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Macros", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RuleFirings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    FiredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleFirings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Rules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Events = table.Column<string>(type: "TEXT", nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", nullable: false),
                    Actions = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScannedUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TeamQueues",
                columns: table => new
                {
                    TeamId = table.Column<long>(type: "INTEGER", nullable: false),
                    Strategy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReassignWhenOffline = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamQueues", x => x.TeamId);
                    table.ForeignKey(
                        name: "FK_TeamQueues_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CalendarId = table.Column<long>(type: "INTEGER", nullable: true),
                    PauseWhilePending = table.Column<bool>(type: "INTEGER", nullable: false),
                    PauseWhileOnHold = table.Column<bool>(type: "INTEGER", nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", nullable: false),
                    Targets = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_BusinessCalendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "BusinessCalendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SlaClocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PolicyId = table.Column<long>(type: "INTEGER", nullable: true),
                    CalendarId = table.Column<long>(type: "INTEGER", nullable: true),
                    TargetMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    CycleStartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WarnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsPaused = table.Column<bool>(type: "INTEGER", nullable: false),
                    WarnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BreachedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ReportedCycle = table.Column<int>(type: "INTEGER", nullable: false),
                    NextCheckAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaClocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaClocks_SlaPolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "SlaPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SlaClocks_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "BusinessCalendars",
                columns: new[] { "Id", "Holidays", "Hours", "Name", "TimeZone", "UpdatedAt" },
                values: new object[] { 1L, "[]", "[{\"day\":\"monday\",\"from\":540,\"to\":1020},{\"day\":\"tuesday\",\"from\":540,\"to\":1020},{\"day\":\"wednesday\",\"from\":540,\"to\":1020},{\"day\":\"thursday\",\"from\":540,\"to\":1020},{\"day\":\"friday\",\"from\":540,\"to\":1020}]", "Standard hours", "UTC", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc) });

            migrationBuilder.InsertData(
                table: "SlaPolicies",
                columns: new[] { "Id", "CalendarId", "Conditions", "IsActive", "Name", "PauseWhileOnHold", "PauseWhilePending", "Position", "Targets", "UpdatedAt" },
                values: new object[,]
                {
                    { 2L, null, "{\"channels\":[\"chat\"]}", true, "Chat: answered within 2 minutes", true, true, 20, "[{\"firstResponse\":2,\"nextResponse\":2}]", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { 3L, null, "{\"channels\":[\"social\"]}", true, "Social media: answered within 1 hour", true, true, 30, "[{\"firstResponse\":60,\"nextResponse\":60}]", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { 4L, null, "{\"channels\":[\"email\",\"web\"]}", true, "E-mail and web: answered within 24 hours", true, true, 40, "[{\"firstResponse\":1440,\"nextResponse\":1440}]", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { 1L, 1L, "{\"reasons\":[\"complaint\"]}", true, "Complaints: resolved within 5 business days", true, true, 10, "[{\"resolution\":2400}]", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc) }
                });

            // Existing tickets last changed status no later than their last update; the best value history offers.
            migrationBuilder.Sql("""UPDATE "Tickets" SET "StatusChangedAt" = "UpdatedAt";""");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_CreatedAt",
                table: "Tickets",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_StatusChangedAt",
                table: "Tickets",
                columns: new[] { "Status", "StatusChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_TeamId_AssigneeId_Status",
                table: "Tickets",
                columns: new[] { "TeamId", "AssigneeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Macros_Name",
                table: "Macros",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_RuleFirings_Key",
                table: "RuleFirings",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_RuleFirings_RuleId_Key",
                table: "RuleFirings",
                columns: new[] { "RuleId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rules_Kind_Position",
                table: "Rules",
                columns: new[] { "Kind", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaClocks_Due",
                table: "SlaClocks",
                column: "NextCheckAt",
                filter: "\"NextCheckAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SlaClocks_PolicyId",
                table: "SlaClocks",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaClocks_Running",
                table: "SlaClocks",
                columns: new[] { "Risk", "TicketId" },
                filter: "\"CompletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SlaClocks_TicketId_Metric",
                table: "SlaClocks",
                columns: new[] { "TicketId", "Metric" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_CalendarId",
                table: "SlaPolicies",
                column: "CalendarId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_Position",
                table: "SlaPolicies",
                column: "Position");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentRoutings");

            migrationBuilder.DropTable(
                name: "Macros");

            migrationBuilder.DropTable(
                name: "RuleFirings");

            migrationBuilder.DropTable(
                name: "Rules");

            migrationBuilder.DropTable(
                name: "SlaClocks");

            migrationBuilder.DropTable(
                name: "TeamQueues");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "BusinessCalendars");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_CreatedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_StatusChangedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_TeamId_AssigneeId_Status",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ChainDepth",
                table: "Events");
        }
    }
}
