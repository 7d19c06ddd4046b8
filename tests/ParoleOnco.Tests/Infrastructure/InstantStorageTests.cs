using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Infrastructure;

/// <summary>SQLite keeps instants as UTC ticks; rows written in the former binary form are converted, none lost.</summary>
public sealed class InstantStorageTests
{
    private const string BeforeUtcTicks = "20261203013949_RetentionAndPeriodicWork";

    [Fact]
    public async Task Instants_written_in_the_binary_form_read_back_as_the_same_instants_after_the_migration()
    {
        await using var database = await TestDatabase.SqliteAsync();
        var utc = new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.Zero);
        var quebec = new DateTimeOffset(2026, 7, 1, 3, 59, 59, TimeSpan.FromHours(-4));
        await using (var db = database.SqliteContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeUtcTicks);
            await InsertChannelAsync(db, "E1", utc);
            await InsertChannelAsync(db, "E2", quebec);
            await db.Database.MigrateAsync();
        }

        await using var reader = database.SqliteContext();
        var bound = await reader.CoordinatorChannels.OrderBy(c => c.BoundAt).Select(c => new { c.EstablishmentId, c.BoundAt }).ToListAsync();

        Assert.Equal([("E1", utc), ("E2", quebec)], bound.Select(b => (b.EstablishmentId, b.BoundAt)));
        Assert.Equal(quebec.UtcTicks, await RawAsync(reader, "E2"));
    }

    [Fact]
    public async Task Instants_compare_in_SQL_as_instants_whatever_offset_they_were_written_with()
    {
        await using var database = await TestDatabase.MigratedSqliteAsync();
        var early = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(-5));
        await using (var db = database.SqliteContext())
        {
            db.CoordinatorChannels.Add(new() { EstablishmentId = "E1", TeamId = "t", ChannelId = "c", BoundByAadObjectId = "a", BoundByName = "n", BoundAt = early });
            await db.SaveChangesAsync();
        }

        await using var reader = database.SqliteContext();
        var sameInstantElsewhere = early.ToOffset(TimeSpan.FromHours(2));

        Assert.Equal(1, await reader.CoordinatorChannels.CountAsync(c => c.BoundAt >= sameInstantElsewhere && c.BoundAt < sameInstantElsewhere.AddTicks(1)));
    }

    private static async Task InsertChannelAsync(DbContext db, string establishment, DateTimeOffset boundAt)
    {
        var binary = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(boundAt)!;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO CoordinatorChannels (EstablishmentId, TeamId, ChannelId, BoundByAadObjectId, BoundByName, BoundAt) VALUES ({establishment}, 't', 'c', 'a', 'n', {binary})");
    }

    private static async Task<long> RawAsync(DbContext db, string establishment)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT BoundAt FROM CoordinatorChannels WHERE EstablishmentId = $e";
        command.Parameters.AddWithValue("$e", establishment);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
