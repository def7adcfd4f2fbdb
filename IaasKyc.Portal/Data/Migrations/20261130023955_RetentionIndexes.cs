using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaasKyc.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetentionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Customers_ClosedAtUtc",
                table: "Customers",
                column: "ClosedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_ClosedAtUtc_CustomerId",
                table: "Accounts",
                columns: new[] { "ClosedAtUtc", "CustomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_ClosedAtUtc",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_ClosedAtUtc_CustomerId",
                table: "Accounts");
        }
    }
}
