using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaasKyc.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_ComputedRisk_UpdatedAtUtc",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Country_UpdatedAtUtc",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Status_UpdatedAtUtc",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_UpdatedAtUtc",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ComputedRisk_UpdatedAtUtc",
                table: "Customers",
                columns: new[] { "ComputedRisk", "UpdatedAtUtc" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Country_UpdatedAtUtc",
                table: "Customers",
                columns: new[] { "Country", "UpdatedAtUtc" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Status_LegalName",
                table: "Customers",
                columns: new[] { "Status", "LegalName" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Status_UpdatedAtUtc",
                table: "Customers",
                columns: new[] { "Status", "UpdatedAtUtc" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_UpdatedAtUtc_LegalName_Email",
                table: "Customers",
                columns: new[] { "UpdatedAtUtc", "LegalName", "Email" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_ComputedRisk_UpdatedAtUtc",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Country_UpdatedAtUtc",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Status_LegalName",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Status_UpdatedAtUtc",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_UpdatedAtUtc_LegalName_Email",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ComputedRisk_UpdatedAtUtc",
                table: "Customers",
                columns: new[] { "ComputedRisk", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Country_UpdatedAtUtc",
                table: "Customers",
                columns: new[] { "Country", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Status_UpdatedAtUtc",
                table: "Customers",
                columns: new[] { "Status", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_UpdatedAtUtc",
                table: "Customers",
                column: "UpdatedAtUtc");
        }
    }
}
