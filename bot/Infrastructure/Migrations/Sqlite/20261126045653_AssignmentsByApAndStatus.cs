using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParoleOnco.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssignmentsByApAndStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_ApId",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_ApId_Status",
                table: "Assignments",
                columns: new[] { "ApId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_ApId_Status",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_ApId",
                table: "Assignments",
                column: "ApId");
        }
    }
}
