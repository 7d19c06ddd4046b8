using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParoleOnco.Infrastructure.Migrations.Sqlite
{
    /// <summary>
    /// Instants were EF's DateTimeOffsetToBinaryConverter: (local ticks / 1000) &lt;&lt; 11 | offset in minutes (11 bits,
    /// signed). They become UTC ticks, which SQL can compare and cut into months. Every row is converted in place.
    /// </summary>
    public partial class InstantsAsUtcTicks : Migration
    {
        private static readonly (string Table, string[] Columns)[] Instants =
        [
            ("Assignments", ["OfferedAt", "AnsweredAt"]),
            ("AuditEntries", ["At"]),
            ("OutboxMessages", ["CreatedAt", "NextAttemptAt", "ClaimedUntil", "DeliveredAt"]),
            ("CoordinatorChannels", ["BoundAt"]),
            ("Escalations", ["RaisedAt", "AcknowledgedAt"]),
            ("LogbookEntries", ["CreatedAt"]),
            ("AccompanyingPatients", ["RegisteredAt", "DecidedAt"]),
            ("Referrals", ["SubmittedAt", "DecidedAt", "AcceptedAt", "ClosedAt", "ErasedAt"]),
            ("Reminders", ["DueAt", "DoneAt", "Since"]),
        ];

        // SQLite's >> is arithmetic, so (v << 53) >> 53 sign-extends the offset's 11 bits; 600,000,000 ticks a minute.
        private const string FromBinary = "({0} >> 11) * 1000 - (({0} << 53) >> 53) * 600000000";

        // Back to the binary form, at offset zero: the same instant.
        private const string ToBinary = "({0} / 1000) << 11";

        protected override void Up(MigrationBuilder migrationBuilder) => Convert(migrationBuilder, FromBinary);

        protected override void Down(MigrationBuilder migrationBuilder) => Convert(migrationBuilder, ToBinary);

        private static void Convert(MigrationBuilder migrationBuilder, string formula)
        {
            foreach (var (table, columns) in Instants)
            {
                var sets = string.Join(", ", columns.Select(c => $"\"{c}\" = {string.Format(System.Globalization.CultureInfo.InvariantCulture, formula, $"\"{c}\"")}"));
                migrationBuilder.Sql($"UPDATE \"{table}\" SET {sets};");
            }
        }
    }
}
