using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaasKyc.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerRiskForeignIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Customers_ComputedRisk_UsPerson_UpdatedAtUtc",
                table: "Customers",
                columns: new[] { "ComputedRisk", "UsPerson", "UpdatedAtUtc" },
                descending: new[] { false, false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_ComputedRisk_UsPerson_UpdatedAtUtc",
                table: "Customers");
        }
    }
}
