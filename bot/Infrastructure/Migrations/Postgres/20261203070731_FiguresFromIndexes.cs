using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParoleOnco.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FiguresFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LogbookEntries_ReferralId",
                table: "LogbookEntries");

            migrationBuilder.AddColumn<string>(
                name: "EstablishmentId",
                table: "LogbookEntries",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EstablishmentId",
                table: "Assignments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // Rows written before the columns existed take their referral's establishment.
            migrationBuilder.Sql(
                """UPDATE "Assignments" SET "EstablishmentId" = (SELECT "r"."EstablishmentId" FROM "Referrals" AS "r" WHERE "r"."Id" = "Assignments"."ReferralId")""");
            migrationBuilder.Sql(
                """UPDATE "LogbookEntries" SET "EstablishmentId" = (SELECT "r"."EstablishmentId" FROM "Referrals" AS "r" WHERE "r"."Id" = "LogbookEntries"."ReferralId")""");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Figures_Accepted",
                table: "Referrals",
                columns: new[] { "AcceptedAt", "EstablishmentId", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Figures_Closed",
                table: "Referrals",
                columns: new[] { "ClosedAt", "EstablishmentId", "Status", "Outcome", "Satisfaction" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Figures_Decided",
                table: "Referrals",
                columns: new[] { "DecidedAt", "EstablishmentId", "SubmittedAt", "Status", "DeclineReason" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Figures_Submitted",
                table: "Referrals",
                columns: new[] { "SubmittedAt", "EstablishmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_Figures_Contacts",
                table: "LogbookEntries",
                columns: new[] { "EstablishmentId", "Modality", "SupportTypes", "ContactDate", "DurationMinutes", "ParkingExpense", "Kilometres" });

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_ReferralId_ContactDate",
                table: "LogbookEntries",
                columns: new[] { "ReferralId", "ContactDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Figures_Answered",
                table: "Assignments",
                columns: new[] { "AnsweredAt", "EstablishmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Figures_Offered",
                table: "Assignments",
                columns: new[] { "OfferedAt", "EstablishmentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_Figures_Accepted",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_Figures_Closed",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_Figures_Decided",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_Figures_Submitted",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_LogbookEntries_Figures_Contacts",
                table: "LogbookEntries");

            migrationBuilder.DropIndex(
                name: "IX_LogbookEntries_ReferralId_ContactDate",
                table: "LogbookEntries");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_Figures_Answered",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_Figures_Offered",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "EstablishmentId",
                table: "LogbookEntries");

            migrationBuilder.DropColumn(
                name: "EstablishmentId",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_ReferralId",
                table: "LogbookEntries",
                column: "ReferralId");
        }
    }
}
