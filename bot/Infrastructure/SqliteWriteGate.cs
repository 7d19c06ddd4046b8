using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParoleOnco.Infrastructure;

/// <summary>
/// SQLite has one writer at a time. Left to itself, a connection that finds the write lock taken polls for it with
/// growing sleeps (up to 100 ms each), so under concurrent turns writers queue in no order and wait long after the
/// lock is free: the latency benchmark's slow tail. This gate hands the lock over inside the process instead, first
/// come first served, without sleeping: a transaction, or a write outside one, waits here before it starts and lets
/// the next one in as soon as it ends. <c>busy_timeout</c> still covers another process on the same file.
/// </summary>
public sealed class SqliteWriteGate : DbConnectionInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    /// <summary>As long as SQLite's own busy timeout: a writer stuck this long is a fault, reported as SQLite would.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Holder> holders = [];

    private sealed class Holder
    {
        public bool Holds;
    }

    // The gate begins the transaction itself, so a BEGIN that fails or is cancelled gives its slot back: EF reports no
    // failure of a start.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, result, cancellationToken);
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(await connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken));
        }
        catch
        {
            await Leave(connection);
            throw;
        }
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(connection.BeginTransaction(eventData.IsolationLevel));
        }
        catch
        {
            Leave(connection);
            throw;
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(eventData));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(ConnectionOf(eventData));

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(eventData));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(ConnectionOf(eventData));

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => LeaveIfEnded(eventData);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        LeaveIfEnded(eventData);

    /// <summary>A transaction disposed without commit or rollback ends when EF closes or disposes its connection.</summary>
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    // Writes outside a transaction (upserts, bulk deletes) are statements of their own: gated for their duration.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        command.Transaction is null ? await EnterAsync(command.Connection!, result, cancellationToken) : result;

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null)
        {
            Enter(command.Connection!);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveStatement(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveStatement(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return Task.CompletedTask;
    }

    private async ValueTask<T> EnterAsync<T>(DbConnection connection, T result, CancellationToken cancellationToken)
    {
        if (!await gate.WaitAsync(MaxWait, cancellationToken))
        {
            throw new TimeoutException($"No SQLite write slot within {MaxWait.TotalSeconds} s.");
        }

        holders.GetOrCreateValue(connection).Holds = true;
        return result;
    }

    private void Enter(DbConnection connection)
    {
        if (!gate.Wait(MaxWait))
        {
            throw new TimeoutException($"No SQLite write slot within {MaxWait.TotalSeconds} s.");
        }

        holders.GetOrCreateValue(connection).Holds = true;
    }

    private Task LeaveIfEnded(TransactionErrorEventData eventData) =>
        eventData.Action is "Commit" or "Rollback" ? Leave(ConnectionOf(eventData)) : Task.CompletedTask;

    private static DbConnection? ConnectionOf(TransactionEventData eventData) => eventData.Context?.Database.GetDbConnection();

    private void LeaveStatement(DbCommand command)
    {
        if (command.Transaction is null && command.Connection is { } connection)
        {
            Leave(connection);
        }
    }

    private Task Leave(DbConnection? connection)
    {
        if (connection is not null && holders.TryGetValue(connection, out var holder) && holder.Holds)
        {
            holder.Holds = false;
            gate.Release();
        }

        return Task.CompletedTask;
    }
}
