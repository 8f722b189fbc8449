using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kalinga.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EmailChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BouncingAddresses",
                columns: table => new
                {
                    Address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Bounces = table.Column<int>(type: "integer", nullable: false),
                    LastReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LastBounceAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BouncingAddresses", x => x.Address);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mailboxes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    InboundProtocol = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    InboundHost = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    InboundPort = table.Column<int>(type: "integer", nullable: false),
                    InboundSecurity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InboundUser = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    InboundSecret = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Folder = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ProcessedFolder = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    DeleteAfterFetch = table.Column<bool>(type: "boolean", nullable: false),
                    SmtpHost = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    SmtpPort = table.Column<int>(type: "integer", nullable: false),
                    SmtpSecurity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SmtpUser = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    SmtpSecret = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PlusAddressing = table.Column<bool>(type: "boolean", nullable: false),
                    DefaultTeamId = table.Column<long>(type: "bigint", nullable: true),
                    DefaultLanguage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    SendReceipt = table.Column<bool>(type: "boolean", nullable: false),
                    ImapUidValidity = table.Column<long>(type: "bigint", nullable: true),
                    ImapLastUid = table.Column<long>(type: "bigint", nullable: false),
                    LastFetchAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastErrorAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MessagesWaiting = table.Column<int>(type: "integer", nullable: false),
                    LastSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SendFailures = table.Column<int>(type: "integer", nullable: false),
                    LastSendError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LastSendErrorAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mailboxes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mailboxes_Teams_DefaultTeamId",
                        column: x => x.DefaultTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "EmailMessages",
                columns: table => new
                {
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    MailboxId = table.Column<long>(type: "bigint", nullable: true),
                    InternetMessageId = table.Column<string>(type: "character varying(998)", maxLength: 998, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FromAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    To = table.Column<List<string>>(type: "text[]", nullable: false),
                    Cc = table.Column<List<string>>(type: "text[]", nullable: false),
                    InReplyTo = table.Column<string>(type: "character varying(998)", maxLength: 998, nullable: true),
                    References = table.Column<string>(type: "text", nullable: true),
                    RawSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RawSize = table.Column<long>(type: "bigint", nullable: false),
                    IsAutomated = table.Column<bool>(type: "boolean", nullable: false),
                    UnquotedText = table.Column<string>(type: "text", nullable: true),
                    RemoteImages = table.Column<List<string>>(type: "text[]", nullable: false),
                    SendAttempts = table.Column<int>(type: "integer", nullable: false),
                    LastAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailMessages", x => x.MessageId);
                    table.ForeignKey(
                        name: "FK_EmailMessages_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EmailMessages_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Pop3Seen",
                columns: table => new
                {
                    MailboxId = table.Column<long>(type: "bigint", nullable: false),
                    Uidl = table.Column<string>(type: "character varying(70)", maxLength: 70, nullable: false),
                    SeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pop3Seen", x => new { x.MailboxId, x.Uidl });
                    table.ForeignKey(
                        name: "FK_Pop3Seen_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SetAsideMail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RawSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RawSize = table.Column<long>(type: "bigint", nullable: false),
                    MailboxId = table.Column<long>(type: "bigint", nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FromAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    InternetMessageId = table.Column<string>(type: "character varying(998)", maxLength: 998, nullable: true),
                    RelatedMessageId = table.Column<long>(type: "bigint", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SetAsideMail", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SetAsideMail_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SetAsideMail_Messages_RelatedMessageId",
                        column: x => x.RelatedMessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmailMessages_InternetMessageId",
                table: "EmailMessages",
                column: "InternetMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailMessages_MailboxId",
                table: "EmailMessages",
                column: "MailboxId");

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_Address",
                table: "Mailboxes",
                column: "Address",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_DefaultTeamId",
                table: "Mailboxes",
                column: "DefaultTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_SetAsideMail_Kind_Id",
                table: "SetAsideMail",
                columns: new[] { "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SetAsideMail_MailboxId",
                table: "SetAsideMail",
                column: "MailboxId");

            migrationBuilder.CreateIndex(
                name: "IX_SetAsideMail_RawSha256",
                table: "SetAsideMail",
                column: "RawSha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SetAsideMail_RelatedMessageId",
                table: "SetAsideMail",
                column: "RelatedMessageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BouncingAddresses");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EmailMessages");

            migrationBuilder.DropTable(
                name: "Pop3Seen");

            migrationBuilder.DropTable(
                name: "SetAsideMail");

            migrationBuilder.DropTable(
                name: "Mailboxes");
        }
    }
}
