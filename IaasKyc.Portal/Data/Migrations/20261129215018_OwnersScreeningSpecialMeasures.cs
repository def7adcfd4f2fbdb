using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaasKyc.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class OwnersScreeningSpecialMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AllUsPersonsAtUtc",
                table: "OwnershipStructures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AllUsPersonsBasis",
                table: "OwnershipStructures",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AllUsPersonsBy",
                table: "OwnershipStructures",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerKey",
                table: "Evidence",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ListSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Entries = table.Column<int>(type: "INTEGER", nullable: false),
                    Aliases = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NoMatchMemories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntryId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    EntryContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoMatchMemories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoMatchMemories_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OwnerProfiles",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NodeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    AddressLine1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AddressLine2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DocumentNumberEncrypted = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DocumentNumberMasked = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    DocumentCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    UsPerson = table.Column<bool>(type: "INTEGER", nullable: true),
                    DeterminationBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    VerifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnerProfiles", x => new { x.CustomerId, x.NodeKey });
                    table.ForeignKey(
                        name: "FK_OwnerProfiles_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    NewHits = table.Column<int>(type: "INTEGER", nullable: false),
                    QueuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SubjectCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ScreenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScreenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SnapshotsJson = table.Column<string>(type: "TEXT", nullable: false),
                    MatcherVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    Hits = table.Column<int>(type: "INTEGER", nullable: false),
                    Suppressed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningRuns_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpecialMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Aliases = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConditionText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeterminationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiryDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpecialMeasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ListSnapshotFiles",
                columns: table => new
                {
                    SnapshotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListSnapshotFiles", x => new { x.SnapshotId, x.Name });
                    table.ForeignKey(
                        name: "FK_ListSnapshotFiles_ListSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "ListSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntryId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    EntryName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EntryType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Programs = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    MatchedName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ThroughAlias = table.Column<bool>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    EntryContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Proposed = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProposalComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningAlerts_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScreeningAlerts_ScreeningRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ScreeningRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ListSnapshots_Source_Active",
                table: "ListSnapshots",
                columns: new[] { "Source", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_NoMatchMemories_CustomerId_SubjectKey_Source_EntryId",
                table: "NoMatchMemories",
                columns: new[] { "CustomerId", "SubjectKey", "Source", "EntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningAlerts_CustomerId_SubjectKey_Source_EntryId",
                table: "ScreeningAlerts",
                columns: new[] { "CustomerId", "SubjectKey", "Source", "EntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningAlerts_RunId",
                table: "ScreeningAlerts",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningAlerts_Status_OpenedAtUtc",
                table: "ScreeningAlerts",
                columns: new[] { "Status", "OpenedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningBatches_QueuedAtUtc",
                table: "ScreeningBatches",
                column: "QueuedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningRuns_CustomerId_ScreenedAtUtc",
                table: "ScreeningRuns",
                columns: new[] { "CustomerId", "ScreenedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SpecialMeasures_Number",
                table: "SpecialMeasures",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpecialMeasures_Status_EffectiveDate_ExpiryDate",
                table: "SpecialMeasures",
                columns: new[] { "Status", "EffectiveDate", "ExpiryDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListSnapshotFiles");

            migrationBuilder.DropTable(
                name: "NoMatchMemories");

            migrationBuilder.DropTable(
                name: "OwnerProfiles");

            migrationBuilder.DropTable(
                name: "ScreeningAlerts");

            migrationBuilder.DropTable(
                name: "ScreeningBatches");

            migrationBuilder.DropTable(
                name: "SpecialMeasures");

            migrationBuilder.DropTable(
                name: "ListSnapshots");

            migrationBuilder.DropTable(
                name: "ScreeningRuns");

            migrationBuilder.DropColumn(
                name: "AllUsPersonsAtUtc",
                table: "OwnershipStructures");

            migrationBuilder.DropColumn(
                name: "AllUsPersonsBasis",
                table: "OwnershipStructures");

            migrationBuilder.DropColumn(
                name: "AllUsPersonsBy",
                table: "OwnershipStructures");

            migrationBuilder.DropColumn(
                name: "OwnerKey",
                table: "Evidence");
        }
    }
}
