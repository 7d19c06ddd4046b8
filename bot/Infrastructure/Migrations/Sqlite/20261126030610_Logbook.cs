using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParoleOnco.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Logbook : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Satisfaction",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LogbookEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EstablishmentId = table.Column<string>(type: "TEXT", nullable: false),
                    ProtectedReason = table.Column<string>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Announcements = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgedByName = table.Column<string>(type: "TEXT", nullable: true),
                    AcknowledgedByAadObjectId = table.Column<string>(type: "TEXT", nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LogbookEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormId = table.Column<string>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Modality = table.Column<string>(type: "TEXT", nullable: false),
                    SupportTypes = table.Column<string>(type: "TEXT", nullable: false),
                    ProtectedSummary = table.Column<string>(type: "TEXT", nullable: false),
                    NeedsClinicalAttention = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProtectedAttentionReason = table.Column<string>(type: "TEXT", nullable: true),
                    SharedWithCareTeam = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextContactDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ParkingExpense = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    Kilometres = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogbookEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Since = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ReferralId",
                table: "Escalations",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_FormId",
                table: "LogbookEntries",
                column: "FormId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_ReferralId",
                table: "LogbookEntries",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_Status_DueAt",
                table: "Reminders",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "LogbookEntries");

            migrationBuilder.DropTable(
                name: "Reminders");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Satisfaction",
                table: "Referrals");
        }
    }
}
