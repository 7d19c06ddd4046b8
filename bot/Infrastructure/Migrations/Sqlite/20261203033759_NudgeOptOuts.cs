using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParoleOnco.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NudgeOptOuts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NudgeOptOuts",
                columns: table => new
                {
                    AadObjectId = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NudgeOptOuts", x => x.AadObjectId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NudgeOptOuts");
        }
    }
}
