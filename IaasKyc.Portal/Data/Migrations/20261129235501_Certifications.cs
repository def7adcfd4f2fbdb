using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaasKyc.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Certifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdpApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FitToSize = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    RedFlags = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ResellerOversight = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    LawEnforcement = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DataSharing = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    FiguresJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PreparedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GrantedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GrantedScope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    GrantRecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdpApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Certifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OffCycleReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FiguresJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PreparedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CipReviewed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CipReviewedComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedForServices = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedForServicesComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedForThreats = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedForThreatsComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Compliant = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompliantComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdpEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Factor = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    UploadId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdpEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdpEvidence_AdpApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "AdpApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdpEvidence_ApplicationId",
                table: "AdpEvidence",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Certifications_State_AsOf",
                table: "Certifications",
                columns: new[] { "State", "AsOf" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdpEvidence");

            migrationBuilder.DropTable(
                name: "Certifications");

            migrationBuilder.DropTable(
                name: "AdpApplications");
        }
    }
}
