using Microsoft.EntityFrameworkCore;

namespace ParoleOnco.Infrastructure;

public abstract partial class ParoleOncoDbContext
{
    private bool transactionOnFirstWrite;

    /// <summary>
    /// Until the returned scope ends, the first save that has changes begins a transaction that stays open until the
    /// caller commits it.
    /// A turn reads first (referral, roles, matching) and writes last: beginning at the write keeps SQLite's single
    /// write lock for the part that needs it. Reads before it see committed data, as in PostgreSQL's read committed;
    /// row versions and unique indexes catch what changed meanwhile, as they do there.
    /// </summary>
    public IDisposable TransactionOnFirstWrite()
    {
        transactionOnFirstWrite = true;
        return new Scope(this);
    }

    /// <summary>
    /// Keeps one connection for a unit of work, until the returned scope ends, where that is cheaper than taking one for
    /// each statement (SQLite). Elsewhere connections go back to the shared pool between statements: a turn may wait on
    /// Teams (a roster) before it writes.
    /// </summary>
    public virtual Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoConnectionHeld.Instance);

    private sealed class NoConnectionHeld : IAsyncDisposable
    {
        public static readonly NoConnectionHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Scope(ParoleOncoDbContext db) : IDisposable
    {
        public void Dispose() => db.transactionOnFirstWrite = false; // a later save is a transaction of its own again
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (transactionOnFirstWrite && Database.CurrentTransaction is null && ChangeTracker.HasChanges())
        {
            await Database.BeginTransactionAsync(cancellationToken);
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
