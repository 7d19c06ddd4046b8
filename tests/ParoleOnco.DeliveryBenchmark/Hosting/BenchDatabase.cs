using Microsoft.Data.Sqlite;
using Npgsql;

namespace ParoleOnco.DeliveryBenchmark.Hosting;

/// <summary>A fresh database for one run: a SQLite file in the temp folder, or a new database on a PostgreSQL server.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PAROLEONCO_TEST_POSTGRES";

    private readonly Func<Task> drop;

    private BenchDatabase(string provider, string connectionString, Func<Task> drop) =>
        (Provider, ConnectionString, this.drop) = (provider, connectionString, drop);

    public string Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static BenchDatabase Sqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"paroleonco-delivery-{Guid.NewGuid():N}.db");
        return new BenchDatabase("Sqlite", $"Data Source={file}", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return Task.CompletedTask;
        });
    }

    public static async Task<BenchDatabase> PostgresAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set."));
        var name = $"paroleonco_delivery_{Guid.NewGuid():N}";
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE \"{name}\"");
        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = true };
        return new BenchDatabase("Postgres", database.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
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
