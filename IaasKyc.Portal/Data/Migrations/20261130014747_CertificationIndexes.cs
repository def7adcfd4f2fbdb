using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaasKyc.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class CertificationIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_StatusChanges_CustomerId_AtUtc_To",
                table: "StatusChanges",
                columns: new[] { "CustomerId", "AtUtc", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_CustomerId_OpenedAtUtc_ClosedAtUtc",
                table: "Accounts",
                columns: new[] { "CustomerId", "OpenedAtUtc", "ClosedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatusChanges_CustomerId_AtUtc_To",
                table: "StatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_CustomerId_OpenedAtUtc_ClosedAtUtc",
                table: "Accounts");
        }
    }
}
