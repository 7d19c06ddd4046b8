using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Audit;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Infrastructure;

/// <summary>SQLite's writers take turns inside the process, and every way a write ends gives the turn back.</summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(3); // well under the gate's 10 s wait

    private readonly SqliteWriteGate gate = new();
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.MigratedSqliteAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_second_writer_waits_until_the_first_commits()
    {
        await using var first = Context();
        await using var second = Context();
        var firstTransaction = await first.Database.BeginTransactionAsync();

        var secondBegins = second.Database.BeginTransactionAsync();
        await Task.Delay(200);
        Assert.False(secondBegins.IsCompleted);

        await firstTransaction.CommitAsync();
        await using var secondTransaction = await secondBegins.WaitAsync(Soon);
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_lets_the_next_writer_in()
    {
        await using (var first = Context())
        {
            await using var abandoned = await first.Database.BeginTransactionAsync();
        }

        await using var next = Context();
        await using var transaction = await next.Database.BeginTransactionAsync().WaitAsync(Soon);
    }

    [Fact]
    public async Task A_begin_that_fails_gives_the_turn_back()
    {
        // Another process (here a connection the gate does not see) holds SQLite's write lock: BEGIN gives up.
        await using var outsider = new SqliteConnection(database.ConnectionString);
        await outsider.OpenAsync();
        await using var outsiders = outsider.BeginTransaction(deferred: false);
        await using (var impatient = Context(";Default Timeout=1"))
        {
            await Assert.ThrowsAsync<SqliteException>(() => impatient.Database.BeginTransactionAsync());
        }

        await outsiders.RollbackAsync();
        await using var next = Context();
        await using var transaction = await next.Database.BeginTransactionAsync().WaitAsync(Soon);
    }

    [Fact]
    public async Task A_write_outside_a_transaction_that_fails_gives_the_turn_back()
    {
        await using var db = Context();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("INSERT INTO \"NoSuchTable\" VALUES (1)"));

        db.AuditEntries.Add(new AuditEntry { ActorAadObjectId = "a", Action = "test", Subject = "s", At = DateTimeOffset.UnixEpoch });
        await db.SaveChangesAsync().WaitAsync(Soon);
        Assert.Equal(1, await db.AuditEntries.CountAsync());
    }

    private SqliteParoleOncoDbContext Context(string settings = "") => database.SqliteContext(settings, gate);
}
