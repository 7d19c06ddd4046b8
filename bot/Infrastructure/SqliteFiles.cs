using Microsoft.Data.Sqlite;

namespace ParoleOnco.Infrastructure;

/// <summary>
/// The SQLite file holds patient data: on Unix it is the owner's alone (0600). SQLite gives its journal, WAL and shared
/// memory files the database file's mode, so the file is created with that mode before SQLite creates it (0644 under
/// the usual umask); a file made before, or journals left by a crash, are set right at start.
/// </summary>
internal static class SqliteFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void MakeOwnerOnly(string connectionString)
    {
        if (OperatingSystem.IsWindows() || FileOf(connectionString) is not { } path)
        {
            return;
        }

        if (!File.Exists(path))
        {
            new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, UnixCreateMode = OwnerOnly }).Dispose();
            UseWriteAheadLog(path);
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file))
            {
                File.SetUnixFileMode(file, OwnerOnly);
            }
        }
    }

    /// <summary>
    /// EF Core creates a new SQLite database in WAL mode, but only when it creates the file: one made here first would
    /// stay in rollback-journal mode, where every commit creates, syncs and deletes a journal (measured: twice the
    /// latency of a turn that saves). The mode is kept in the file.
    /// </summary>
    private static void UseWriteAheadLog(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = 'wal';";
        command.ExecuteNonQuery();
    }

    /// <summary>The database's file, or null for an in-memory database or a URI this check does not read.</summary>
    private static string? FileOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        var inMemory = builder.Mode == SqliteOpenMode.Memory || source.Length == 0 || source == ":memory:";
        return inMemory || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || source.Contains("|DataDirectory|")
            ? null
            : Path.GetFullPath(source);
    }
}
