using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>A fresh database for one test: a SQLite file, or a new database on the PostgreSQL server CI provides.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PAROLEONCO_TEST_POSTGRES";

    private readonly Func<Task> drop;

    private TestDatabase(string provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.drop = drop;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static Task<TestDatabase> SqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"paroleonco-test-{Guid.NewGuid():N}.db");
        return Task.FromResult(new TestDatabase("Sqlite", $"Data Source={file}", () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return Task.CompletedTask;
        }));
    }

    /// <summary>A fresh SQLite file, brought to the latest migration.</summary>
    public static async Task<TestDatabase> MigratedSqliteAsync()
    {
        var database = await SqliteAsync();
        await using var db = database.SqliteContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A context on this SQLite database, with the interceptors given (the bot's write gate, for one).</summary>
    public SqliteParoleOncoDbContext SqliteContext(params IInterceptor[] interceptors) => SqliteContext("", interceptors);

    /// <summary>The same, with connection string settings added (<c>;Default Timeout=1</c>).</summary>
    public SqliteParoleOncoDbContext SqliteContext(string settings, params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<SqliteParoleOncoDbContext>().UseSqlite(ConnectionString + settings).AddInterceptors(interceptors).Options);

    /// <summary>A context on this database, whichever its provider: to read what bot processes left in it.</summary>
    public ParoleOncoDbContext Context() => Provider == "Postgres"
        ? new PostgresParoleOncoDbContext(new DbContextOptionsBuilder<PostgresParoleOncoDbContext>().UseNpgsql(ConnectionString).Options)
        : SqliteContext();

    public static async Task<TestDatabase> PostgresAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set."));
        var name = $"paroleonco_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE \"{name}\"");
        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = true };
        return new TestDatabase("Postgres", database.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await DropAsync(server.ConnectionString, name);
        });
    }

    /// <summary>
    /// WITH (FORCE) ends the test's sessions, but not an autovacuum worker visiting the database (a superuser's):
    /// the drop is refused while it runs, for a moment.
    /// </summary>
    private static async Task DropAsync(string server, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    public async ValueTask DisposeAsync() => await drop();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
