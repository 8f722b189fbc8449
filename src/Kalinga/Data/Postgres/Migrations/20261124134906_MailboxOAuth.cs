using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kalinga.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MailboxOAuth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InboundAuth",
                table: "Mailboxes",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Password");

            migrationBuilder.AddColumn<string>(
                name: "InboundOAuth_AccessToken",
                table: "Mailboxes",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InboundOAuth_ClientId",
                table: "Mailboxes",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InboundOAuth_ClientSecret",
                table: "Mailboxes",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InboundOAuth_RefreshToken",
                table: "Mailboxes",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InboundOAuth_Scope",
                table: "Mailboxes",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InboundOAuth_TokenEndpoint",
                table: "Mailboxes",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmtpAuth",
                table: "Mailboxes",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Password");

            migrationBuilder.AddColumn<string>(
                name: "SmtpOAuth_AccessToken",
                table: "Mailboxes",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmtpOAuth_ClientId",
                table: "Mailboxes",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmtpOAuth_ClientSecret",
                table: "Mailboxes",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmtpOAuth_RefreshToken",
                table: "Mailboxes",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmtpOAuth_Scope",
                table: "Mailboxes",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmtpOAuth_TokenEndpoint",
                table: "Mailboxes",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InboundAuth",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "InboundOAuth_AccessToken",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "InboundOAuth_ClientId",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "InboundOAuth_ClientSecret",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "InboundOAuth_RefreshToken",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "InboundOAuth_Scope",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "InboundOAuth_TokenEndpoint",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "SmtpAuth",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "SmtpOAuth_AccessToken",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "SmtpOAuth_ClientId",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "SmtpOAuth_ClientSecret",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "SmtpOAuth_RefreshToken",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "SmtpOAuth_Scope",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "SmtpOAuth_TokenEndpoint",
                table: "Mailboxes");
        }
    }
}
