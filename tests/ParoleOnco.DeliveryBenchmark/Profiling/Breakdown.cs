using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParoleOnco.DeliveryBenchmark.Profiling;

/// <summary>
/// Where the bot's time went, without touching the bot: every EF Core command and transaction (as EF timed it) and
/// every outgoing HTTP request (as HttpClient's activity timed it), grouped by what they do. Opt-in (--profile):
/// listening costs a little on each command, so the plain figures are measured without it.
/// </summary>
public sealed class Breakdown : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    /// <summary>Microsoft.Data.Sqlite sleeps this long (on the calling thread) each time SQLite answers SQLITE_BUSY.</summary>
    public static readonly TimeSpan SqliteBusySleep = TimeSpan.FromMilliseconds(150);

    private readonly ConcurrentDictionary<string, Operation> operations = new();
    private readonly ConcurrentQueue<(long At, string Name)> events = new();
    private readonly List<IDisposable> subscriptions = [];
    private readonly ActivityListener http;
    private readonly IDisposable allListeners;

    private Breakdown()
    {
        http = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => Add(
                $"HTTP {activity.GetTagItem("http.request.method")} → {activity.GetTagItem("http.response.status_code") ?? "no answer"}",
                activity.Duration,
                track: true),
        };
        ActivitySource.AddActivityListener(http);
        allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public static Breakdown Start() => new();

    public IReadOnlyList<(string Name, Operation Operation)> Operations =>
        [.. operations.OrderByDescending(o => o.Value.Total).Select(o => (o.Key, o.Value))];

    /// <summary>When each connector request and each outbox claim ended, to show the dispatcher's rounds second by second.</summary>
    public IReadOnlyList<(long At, string Name)> Events => [.. events];

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(listener.Subscribe(this, name =>
                    name == RelationalEventId.CommandExecuted.Name
                    || name == RelationalEventId.TransactionStarted.Name
                    || name == RelationalEventId.TransactionCommitted.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case CommandExecutedEventData command:
                var name = Sql.Describe(command.Command.CommandText);
                Add(name, command.Duration, track: name == Sql.Claim);
                break;
            case TransactionEndEventData transaction when value.Key == RelationalEventId.TransactionStarted.Name:
                Add("BEGIN transaction", transaction.Duration);
                break;
            case TransactionEndEventData transaction:
                Add("COMMIT transaction", transaction.Duration);
                break;
        }
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
        http.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }

    private void Add(string name, TimeSpan duration, bool track = false)
    {
        operations.GetOrAdd(name, _ => new Operation()).Add(duration);
        if (track)
        {
            events.Enqueue((Stopwatch.GetTimestamp(), name));
        }
    }
}

/// <summary>How often one kind of operation ran and how long it took: in all, at most, and how often past the busy sleep.</summary>
public sealed class Operation
{
    private readonly Lock gate = new();

    public int Count { get; private set; }
    public TimeSpan Total { get; private set; }
    public TimeSpan Max { get; private set; }
    public int AtLeastBusySleep { get; private set; }

    public void Add(TimeSpan duration)
    {
        lock (gate)
        {
            Count++;
            Total += duration;
            Max = duration > Max ? duration : Max;
            AtLeastBusySleep += duration >= Breakdown.SqliteBusySleep ? 1 : 0;
        }
    }
}
