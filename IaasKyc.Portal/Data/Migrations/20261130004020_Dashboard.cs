using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaasKyc.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Dashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Status_ReverifyDue",
                table: "Customers",
                columns: new[] { "Status", "ReverifyDue" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_ClockKey_DueDate_Threshold",
                table: "Notifications",
                columns: new[] { "Recipient", "ClockKey", "DueDate", "Threshold" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_ReadAtUtc",
                table: "Notifications",
                columns: new[] { "Recipient", "ReadAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Status_ReverifyDue",
                table: "Customers");
        }
    }
}
