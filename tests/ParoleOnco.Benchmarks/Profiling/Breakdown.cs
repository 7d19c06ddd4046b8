using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParoleOnco.Benchmarks.Profiling;

/// <summary>
/// Where a level's time went, without touching the bot: EF Core's diagnostic events (every command and transaction
/// start with its duration, as EF measured it) and the thread pool, sampled while the level runs. It counts the whole
/// process, so the outbox dispatcher's commands are in it too. Opt-in (--breakdown):
/// listening costs a little on every command, so the plain table is measured without it.
/// </summary>
public sealed class Breakdown : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    /// <summary>Microsoft.Data.Sqlite sleeps this long each time SQLite answers SQLITE_BUSY, before it retries.</summary>
    public static readonly TimeSpan SqliteBusySleep = TimeSpan.FromMilliseconds(150);

    private readonly IDisposable allListeners;
    private readonly List<IDisposable> subscriptions = [];
    private readonly object gate = new();
    private Counts counts = new();

    private Breakdown() => allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    public static Breakdown Start() => new();

    /// <summary>Runs a level while sampling the thread pool; returns what the database and the pool did meanwhile.</summary>
    public async Task<(T Result, LevelProfile Profile)> ProfileAsync<T>(Func<Task<T>> level)
    {
        lock (gate)
        {
            counts = new Counts();
        }

        using var stop = new CancellationTokenSource();
        var sampler = SampleThreadPoolAsync(stop.Token);
        var result = await level();
        await stop.CancelAsync();
        var (maxThreads, maxQueued) = await sampler;
        lock (gate)
        {
            return (result, new LevelProfile(counts.Commands, counts.Writes, counts.CommandTime, counts.Transactions, counts.BeginTime,
                counts.SlowCommands, maxThreads, maxQueued));
        }
    }

    private static async Task<(int MaxThreads, long MaxQueued)> SampleThreadPoolAsync(CancellationToken stop)
    {
        var (threads, queued) = (ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount);
        while (!stop.IsCancellationRequested)
        {
            (threads, queued) = (Math.Max(threads, ThreadPool.ThreadCount), Math.Max(queued, ThreadPool.PendingWorkItemCount));
            await Task.Delay(20, CancellationToken.None);
        }

        return (threads, queued);
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (gate)
            {
                subscriptions.Add(listener.Subscribe(this, name =>
                    name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.TransactionStarted.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        lock (gate)
        {
            switch (value.Value)
            {
                case CommandExecutedEventData command:
                    counts.Commands++;
                    counts.Writes += IsWrite(command.Command.CommandText) ? 1 : 0;
                    counts.CommandTime += command.Duration;
                    counts.SlowCommands += command.Duration >= SqliteBusySleep ? 1 : 0;
                    break;
                case TransactionEndEventData begin:
                    // TransactionStarted: on SQLite, BEGIN IMMEDIATE waits here for the write lock.
                    counts.Transactions++;
                    counts.BeginTime += begin.Duration;
                    counts.SlowCommands += begin.Duration >= SqliteBusySleep ? 1 : 0;
                    break;
            }
        }
    }

    private static bool IsWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        allListeners.Dispose();
        lock (gate)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }

    private sealed class Counts
    {
        public int Commands;
        public int Writes;
        public TimeSpan CommandTime;
        public int Transactions;
        public TimeSpan BeginTime;
        public int SlowCommands;
    }
}

/// <summary>What one level cost in the database (every instance of the bot's context) and the thread pool.</summary>
/// <param name="SlowCommands">Commands and transaction starts that took 150 ms or more: a SQLITE_BUSY retry sleeps that long.</param>
public sealed record LevelProfile(
    int Commands, int Writes, TimeSpan CommandTime, int Transactions, TimeSpan BeginTime, int SlowCommands,
    int MaxThreads, long MaxQueuedWorkItems);
