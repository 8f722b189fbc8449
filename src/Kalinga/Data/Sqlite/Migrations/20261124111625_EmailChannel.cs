using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kalinga.Data.Sqlite.Migrations
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
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Bounces = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastBounceAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BouncingAddresses", x => x.Address);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mailboxes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    InboundProtocol = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    InboundHost = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    InboundPort = table.Column<int>(type: "INTEGER", nullable: false),
                    InboundSecurity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InboundUser = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    InboundSecret = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Folder = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ProcessedFolder = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    DeleteAfterFetch = table.Column<bool>(type: "INTEGER", nullable: false),
                    SmtpHost = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    SmtpPort = table.Column<int>(type: "INTEGER", nullable: false),
                    SmtpSecurity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SmtpUser = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    SmtpSecret = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PlusAddressing = table.Column<bool>(type: "INTEGER", nullable: false),
                    DefaultTeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    DefaultLanguage = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    SendReceipt = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImapUidValidity = table.Column<long>(type: "INTEGER", nullable: true),
                    ImapLastUid = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFetchAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastErrorAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MessagesWaiting = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SendFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSendError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastSendErrorAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    MailboxId = table.Column<long>(type: "INTEGER", nullable: true),
                    InternetMessageId = table.Column<string>(type: "TEXT", maxLength: 998, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    To = table.Column<string>(type: "TEXT", nullable: false),
                    Cc = table.Column<string>(type: "TEXT", nullable: false),
                    InReplyTo = table.Column<string>(type: "TEXT", maxLength: 998, nullable: true),
                    References = table.Column<string>(type: "TEXT", nullable: true),
                    RawSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RawSize = table.Column<long>(type: "INTEGER", nullable: false),
                    IsAutomated = table.Column<bool>(type: "INTEGER", nullable: false),
                    UnquotedText = table.Column<string>(type: "TEXT", nullable: true),
                    RemoteImages = table.Column<string>(type: "TEXT", nullable: false),
                    SendAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    MailboxId = table.Column<long>(type: "INTEGER", nullable: false),
                    Uidl = table.Column<string>(type: "TEXT", maxLength: 70, nullable: false),
                    SeenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RawSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RawSize = table.Column<long>(type: "INTEGER", nullable: false),
                    MailboxId = table.Column<long>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    InternetMessageId = table.Column<string>(type: "TEXT", maxLength: 998, nullable: true),
                    RelatedMessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
