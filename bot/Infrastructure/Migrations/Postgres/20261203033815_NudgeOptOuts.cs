using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParoleOnco.Infrastructure.Migrations.Postgres
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
                    AadObjectId = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
