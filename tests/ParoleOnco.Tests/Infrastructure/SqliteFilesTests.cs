using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Infrastructure;

/// <summary>The SQLite file and its journals hold patient data: the bot's own user alone reads them.</summary>
[UnsupportedOSPlatform("windows")] // each test skips there first
public sealed class SqliteFilesTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode WorldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [SkippableFact]
    public async Task The_bot_creates_its_database_owner_only_and_SQLite_gives_its_journals_the_same_mode()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only.");
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var file = new SqliteConnectionStringBuilder(world.Database.ConnectionString).DataSource;

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));

        // Journals are made by SQLite as it writes, with the database file's mode: WAL and its shared memory show it.
        await using var connection = new SqliteConnection(world.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE Probe (Id INTEGER);";
        await command.ExecuteNonQueryAsync();
        Assert.Equal((OwnerOnly, OwnerOnly), (File.GetUnixFileMode(file + "-wal"), File.GetUnixFileMode(file + "-shm")));
    }

    [SkippableFact]
    public async Task A_database_the_bot_creates_is_in_write_ahead_log_mode_as_EF_Core_would_create_it()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only.");
        await using var world = await World.StartAsync(Databases.Sqlite);

        await using var connection = new SqliteConnection(world.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [SkippableFact]
    public void A_database_and_journals_left_world_readable_are_made_owner_only_at_start()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only.");
        var file = Path.Combine(Path.GetTempPath(), $"paroleonco-modes-{Guid.NewGuid():N}.db");
        string[] files = [file, file + "-wal", file + "-shm", file + "-journal"];
        try
        {
            foreach (var path in files)
            {
                File.WriteAllBytes(path, []);
                File.SetUnixFileMode(path, WorldReadable);
            }

            SqliteFiles.MakeOwnerOnly($"Data Source={file}");

            Assert.All(files, path => Assert.Equal(OwnerOnly, File.GetUnixFileMode(path)));
        }
        finally
        {
            Array.ForEach(files, File.Delete);
        }
    }

    [Fact]
    public void An_in_memory_database_has_no_file_to_create()
    {
        SqliteFiles.MakeOwnerOnly("Data Source=:memory:");
        SqliteFiles.MakeOwnerOnly("Data Source=shared;Mode=Memory");

        Assert.False(File.Exists(Path.GetFullPath("shared")));
    }
}
