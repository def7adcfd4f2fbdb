using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaasKyc.Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Customers_Status_ComputedRisk_UsPerson_Country",
                table: "Customers",
                columns: new[] { "Status", "ComputedRisk", "UsPerson", "Country" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Status_CreatedBy_SubmittedBy",
                table: "Customers",
                columns: new[] { "Status", "CreatedBy", "SubmittedBy" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_Status_ComputedRisk_UsPerson_Country",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Status_CreatedBy_SubmittedBy",
                table: "Customers");
        }
    }
}
