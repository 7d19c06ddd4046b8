using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParoleOnco.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RetentionAndPeriodicWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "ReferralId",
                table: "Reminders",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "PeriodicKey",
                table: "Reminders",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ErasedAt",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_PeriodicKey",
                table: "Reminders",
                column: "PeriodicKey",
                unique: true,
                filter: "\"PeriodicKey\" IS NOT NULL AND \"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reminders_PeriodicKey",
                table: "Reminders");

            migrationBuilder.DropColumn(
                name: "PeriodicKey",
                table: "Reminders");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "Referrals");

            migrationBuilder.AlterColumn<Guid>(
                name: "ReferralId",
                table: "Reminders",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
