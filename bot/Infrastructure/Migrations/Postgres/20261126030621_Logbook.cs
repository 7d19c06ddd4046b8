using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParoleOnco.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Logbook : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Referrals",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Satisfaction",
                table: "Referrals",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    LogbookEntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApId = table.Column<Guid>(type: "uuid", nullable: false),
                    EstablishmentId = table.Column<string>(type: "text", nullable: false),
                    ProtectedReason = table.Column<string>(type: "text", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Announcements = table.Column<int>(type: "integer", nullable: false),
                    AcknowledgedByName = table.Column<string>(type: "text", nullable: true),
                    AcknowledgedByAadObjectId = table.Column<string>(type: "text", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LogbookEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FormId = table.Column<string>(type: "text", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Modality = table.Column<string>(type: "text", nullable: false),
                    SupportTypes = table.Column<string>(type: "text", nullable: false),
                    ProtectedSummary = table.Column<string>(type: "text", nullable: false),
                    NeedsClinicalAttention = table.Column<bool>(type: "boolean", nullable: false),
                    ProtectedAttentionReason = table.Column<string>(type: "text", nullable: true),
                    SharedWithCareTeam = table.Column<bool>(type: "boolean", nullable: false),
                    NextContactDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ParkingExpense = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    Kilometres = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogbookEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
