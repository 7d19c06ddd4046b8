using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParoleOnco.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Thanks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Thanks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FromAadObjectId = table.Column<string>(type: "TEXT", nullable: false),
                    FromName = table.Column<string>(type: "TEXT", nullable: false),
                    ProtectedMessage = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Thanks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Thanks_ApId",
                table: "Thanks",
                column: "ApId");

            migrationBuilder.CreateIndex(
                name: "IX_Thanks_FormId_FromAadObjectId",
                table: "Thanks",
                columns: new[] { "FormId", "FromAadObjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Thanks_ReferralId",
                table: "Thanks",
                column: "ReferralId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Thanks");
        }
    }
}
