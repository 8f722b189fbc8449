using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kalinga.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsOrganizationAdmin",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "KbCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsInternal = table.Column<bool>(type: "INTEGER", nullable: false),
                    Titles = table.Column<string>(type: "TEXT", nullable: false),
                    Descriptions = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KbFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 127, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalAccounts",
                columns: table => new
                {
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FailedSignIns = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSignInAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalAccounts", x => x.CustomerId);
                    table.ForeignKey(
                        name: "FK_PortalAccounts_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortalMail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalMail", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalMail_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignInLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignInLinks_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KbSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Titles = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KbSections_KbCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "KbCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsInternal = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsMustRead = table.Column<bool>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastPublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Articles_KbSections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "KbSections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArticleReads",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleReads", x => new { x.ArticleId, x.AgentId });
                    table.ForeignKey(
                        name: "FK_ArticleReads_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArticleReads_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArticleTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    PlainText = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DraftSummary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DraftBody = table.Column<string>(type: "TEXT", nullable: true),
                    DraftSavedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DraftSavedById = table.Column<long>(type: "INTEGER", nullable: true),
                    ViewCount = table.Column<long>(type: "INTEGER", nullable: false),
                    HelpfulCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NotHelpfulCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleTranslations_Agents_DraftSavedById",
                        column: x => x.DraftSavedById,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ArticleTranslations_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SuggestedArticleVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestedArticleVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuggestedArticleVisits_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SuggestedArticleVisits_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ArticleFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TranslationId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsHelpful = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleFeedback_ArticleTranslations_TranslationId",
                        column: x => x.TranslationId,
                        principalTable: "ArticleTranslations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArticleFeedback_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ArticleVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TranslationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedById = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleVersions_Agents_PublishedById",
                        column: x => x.PublishedById,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ArticleVersions_ArticleTranslations_TranslationId",
                        column: x => x.TranslationId,
                        principalTable: "ArticleTranslations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleFeedback_CustomerId",
                table: "ArticleFeedback",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleFeedback_TranslationId_Id",
                table: "ArticleFeedback",
                columns: new[] { "TranslationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleReads_AgentId",
                table: "ArticleReads",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Key",
                table: "Articles",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SectionId_Position",
                table: "Articles",
                columns: new[] { "SectionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTranslations_ArticleId_Language",
                table: "ArticleTranslations",
                columns: new[] { "ArticleId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTranslations_DraftSavedById",
                table: "ArticleTranslations",
                column: "DraftSavedById");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTranslations_Language_ViewCount",
                table: "ArticleTranslations",
                columns: new[] { "Language", "ViewCount" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleVersions_PublishedById",
                table: "ArticleVersions",
                column: "PublishedById");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleVersions_TranslationId_Number",
                table: "ArticleVersions",
                columns: new[] { "TranslationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KbCategories_Key",
                table: "KbCategories",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KbFiles_Name_Language",
                table: "KbFiles",
                columns: new[] { "Name", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KbSections_CategoryId",
                table: "KbSections",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_KbSections_Key",
                table: "KbSections",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalMail_CustomerId_CreatedAt",
                table: "PortalMail",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInLinks_CustomerId_CreatedAt",
                table: "SignInLinks",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInLinks_Hash",
                table: "SignInLinks",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SuggestedArticleVisits_ArticleId",
                table: "SuggestedArticleVisits",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_SuggestedArticleVisits_FormId",
                table: "SuggestedArticleVisits",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_SuggestedArticleVisits_OpenedAt",
                table: "SuggestedArticleVisits",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SuggestedArticleVisits_TicketId",
                table: "SuggestedArticleVisits",
                column: "TicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleFeedback");

            migrationBuilder.DropTable(
                name: "ArticleReads");

            migrationBuilder.DropTable(
                name: "ArticleVersions");

            migrationBuilder.DropTable(
                name: "KbFiles");

            migrationBuilder.DropTable(
                name: "PortalAccounts");

            migrationBuilder.DropTable(
                name: "PortalMail");

            migrationBuilder.DropTable(
                name: "SignInLinks");

            migrationBuilder.DropTable(
                name: "SuggestedArticleVisits");

            migrationBuilder.DropTable(
                name: "ArticleTranslations");

            migrationBuilder.DropTable(
                name: "Articles");

            migrationBuilder.DropTable(
                name: "KbSections");

            migrationBuilder.DropTable(
                name: "KbCategories");

            migrationBuilder.DropColumn(
                name: "IsOrganizationAdmin",
                table: "Customers");
        }
    }
}
