using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kalinga.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MailboxOAuthBackoff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InboundOAuth_RefreshFailures",
                table: "Mailboxes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "InboundOAuth_RetryAt",
                table: "Mailboxes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SmtpOAuth_RefreshFailures",
                table: "Mailboxes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "SmtpOAuth_RetryAt",
                table: "Mailboxes",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InboundOAuth_RefreshFailures",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "InboundOAuth_RetryAt",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "SmtpOAuth_RefreshFailures",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "SmtpOAuth_RetryAt",
                table: "Mailboxes");
        }
    }
}
