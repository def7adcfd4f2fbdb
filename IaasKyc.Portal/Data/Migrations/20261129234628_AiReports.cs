using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaasKyc.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class AiReports : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCases_FollowUpOfId",
                table: "TrainingCases",
                column: "FollowUpOfId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCases_ResellerId",
                table: "TrainingCases",
                column: "ResellerId");

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
                name: "ReportVersions");

            migrationBuilder.DropTable(
                name: "UsageSignals");

            migrationBuilder.DropIndex(
                name: "IX_TrainingCases_FollowUpOfId",
                table: "TrainingCases");

            migrationBuilder.DropIndex(
                name: "IX_TrainingCases_ResellerId",
                table: "TrainingCases");

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
