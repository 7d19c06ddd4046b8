using Microsoft.EntityFrameworkCore;

namespace ParoleOnco.Infrastructure;

public abstract partial class ParoleOncoDbContext
{
    private bool transactionOnFirstWrite;

    /// <summary>
    /// From now on, the first save that has changes begins a transaction that stays open until the caller commits it.
    /// A turn reads first (referral, roles, matching) and writes last: beginning at the write keeps SQLite's single
    /// write lock for the part that needs it. Reads before it see committed data, as in PostgreSQL's read committed;
    /// row versions and unique indexes catch what changed meanwhile, as they do there.
    /// </summary>
    public void BeginTransactionOnFirstWrite() => transactionOnFirstWrite = true;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (transactionOnFirstWrite && Database.CurrentTransaction is null && ChangeTracker.HasChanges())
        {
            await Database.BeginTransactionAsync(cancellationToken);
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
