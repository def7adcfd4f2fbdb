using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaasKyc.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportsCertificationsRetentionDashboardScaleOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FiledVersion",
                table: "TrainingCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FollowUpOfId",
                table: "TrainingCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LatestVersion",
                table: "TrainingCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "NarrativeAtUtc",
                table: "TrainingCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NarrativeBy",
                table: "TrainingCases",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NarrativeJson",
                table: "TrainingCases",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ResellerId",
                table: "TrainingCases",
                type: "TEXT",
                nullable: true);

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
                name: "CustomerTombstones",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PurgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RetainedUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RulePackVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerTombstones", x => x.CustomerId);
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
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PlacedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PlacedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReleaseReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReleasedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReleasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHolds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClockKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Threshold = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Href = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Mailed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PurgeCandidates",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurgeableSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ListedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurgeCandidates", x => x.CustomerId);
                    table.ForeignKey(
                        name: "FK_PurgeCandidates_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    RulePackVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PreparedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportVersions_TrainingCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "TrainingCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UsageSignals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Accelerator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AcceleratorCount = table.Column<double>(type: "REAL", nullable: false),
                    Hours = table.Column<double>(type: "REAL", nullable: false),
                    Utilization = table.Column<double>(type: "REAL", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NetworkGbps = table.Column<double>(type: "REAL", nullable: true),
                    BiologicalData = table.Column<bool>(type: "INTEGER", nullable: false),
                    EstimatedOperations = table.Column<double>(type: "REAL", nullable: false),
                    ClusterOpsPerSecond = table.Column<double>(type: "REAL", nullable: false),
                    ThresholdsMet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RulePackVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageSignals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UsageSignals_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UsageSignals_TrainingCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "TrainingCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "IX_TrainingCases_FollowUpOfId",
                table: "TrainingCases",
                column: "FollowUpOfId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCases_ResellerId",
                table: "TrainingCases",
                column: "ResellerId");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Status_ReverifyDue",
                table: "Customers",
                columns: new[] { "Status", "ReverifyDue" });

            migrationBuilder.CreateIndex(
                name: "IX_AdpEvidence_ApplicationId",
                table: "AdpEvidence",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Certifications_State_AsOf",
                table: "Certifications",
                columns: new[] { "State", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_Active",
                table: "LegalHolds",
                column: "CustomerId",
                unique: true,
                filter: "\"ReleasedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_CustomerId_PlacedAtUtc",
                table: "LegalHolds",
                columns: new[] { "CustomerId", "PlacedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_ClockKey_DueDate_Threshold",
                table: "Notifications",
                columns: new[] { "Recipient", "ClockKey", "DueDate", "Threshold" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_ReadAtUtc",
                table: "Notifications",
                columns: new[] { "Recipient", "ReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_CaseId_Number",
                table: "ReportVersions",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UsageSignals_AccountId",
                table: "UsageSignals",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_UsageSignals_CaseId",
                table: "UsageSignals",
                column: "CaseId");

            migrationBuilder.AddForeignKey(
                name: "FK_TrainingCases_Resellers_ResellerId",
                table: "TrainingCases",
                column: "ResellerId",
                principalTable: "Resellers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TrainingCases_TrainingCases_FollowUpOfId",
                table: "TrainingCases",
                column: "FollowUpOfId",
                principalTable: "TrainingCases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TrainingCases_Resellers_ResellerId",
                table: "TrainingCases");

            migrationBuilder.DropForeignKey(
                name: "FK_TrainingCases_TrainingCases_FollowUpOfId",
                table: "TrainingCases");

            migrationBuilder.DropTable(
                name: "AdpEvidence");

            migrationBuilder.DropTable(
                name: "Certifications");

            migrationBuilder.DropTable(
                name: "CustomerTombstones");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "LegalHolds");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "PurgeCandidates");

            migrationBuilder.DropTable(
                name: "ReportVersions");

            migrationBuilder.DropTable(
                name: "UsageSignals");

            migrationBuilder.DropTable(
                name: "AdpApplications");

            migrationBuilder.DropIndex(
                name: "IX_TrainingCases_FollowUpOfId",
                table: "TrainingCases");

            migrationBuilder.DropIndex(
                name: "IX_TrainingCases_ResellerId",
                table: "TrainingCases");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Status_ReverifyDue",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "FiledVersion",
                table: "TrainingCases");

            migrationBuilder.DropColumn(
                name: "FollowUpOfId",
                table: "TrainingCases");

            migrationBuilder.DropColumn(
                name: "LatestVersion",
                table: "TrainingCases");

            migrationBuilder.DropColumn(
                name: "NarrativeAtUtc",
                table: "TrainingCases");

            migrationBuilder.DropColumn(
                name: "NarrativeBy",
                table: "TrainingCases");

            migrationBuilder.DropColumn(
                name: "NarrativeJson",
                table: "TrainingCases");

            migrationBuilder.DropColumn(
                name: "ResellerId",
                table: "TrainingCases");
        }
    }
}
