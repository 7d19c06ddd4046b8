using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParoleOnco.Infrastructure;

/// <summary>
/// Lets SQLite wait for its write lock itself, with short native back-offs. Without it, Microsoft.Data.Sqlite meets
/// a busy database with 150 ms thread sleeps, which dominated the bot's latency under concurrent turns.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
