using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParoleOnco.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImpactIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ApId",
                table: "Referrals",
                column: "ApId");

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_ApId_ContactDate",
                table: "LogbookEntries",
                columns: new[] { "ApId", "ContactDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ApId",
                table: "Escalations",
                column: "ApId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_ApId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_LogbookEntries_ApId_ContactDate",
                table: "LogbookEntries");

            migrationBuilder.DropIndex(
                name: "IX_Escalations_ApId",
                table: "Escalations");
        }
    }
}
