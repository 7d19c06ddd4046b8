using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParoleOnco.Infrastructure.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FormId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: true),
                    FromAadObjectId = table.Column<string>(type: "text", nullable: false),
                    FromName = table.Column<string>(type: "text", nullable: false),
                    ProtectedMessage = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
