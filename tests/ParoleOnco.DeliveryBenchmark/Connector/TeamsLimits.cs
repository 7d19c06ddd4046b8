using System.Diagnostics;

namespace ParoleOnco.DeliveryBenchmark.Connector;

/// <summary>
/// Teams' rate limits for bots as the connector enforces them: per conversation 7 requests in any 1 s, 8 in any 2 s,
/// 60 in any 30 s and 1,800 in any hour; per app, all conversations together, 50 in any 1 s. Every window slides over
/// the exact times of the requests accepted before: the strictest reading of the documented limits, so a bot that
/// passes here passes whatever windows the real service uses. Refused requests do not count against the limits.
/// </summary>
public sealed class TeamsLimits
{
    private static readonly (int Requests, TimeSpan Window)[] PerConversation =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    public const int PerAppPerSecond = 50;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Queue<long>> conversations = [];
    private readonly Queue<long> app = new();

    /// <summary>Accepts the request (returns null) or says how long to wait before a retry can be accepted.</summary>
    public TimeSpan? TryAccept(string conversationId)
    {
        lock (gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (!conversations.TryGetValue(conversationId, out var log))
            {
                conversations[conversationId] = log = new Queue<long>();
            }

            Forget(log, now, TimeSpan.FromHours(1));
            Forget(app, now, TimeSpan.FromSeconds(1));
            var wait = WaitFor(app, now, PerAppPerSecond, TimeSpan.FromSeconds(1));
            foreach (var (requests, window) in PerConversation)
            {
                wait = Max(wait, WaitFor(log, now, requests, window));
            }

            if (wait is not null)
            {
                return wait;
            }

            log.Enqueue(now);
            app.Enqueue(now);
            return null;
        }
    }

    private static void Forget(Queue<long> log, long now, TimeSpan window)
    {
        while (log.Count > 0 && Stopwatch.GetElapsedTime(log.Peek(), now) >= window)
        {
            log.Dequeue();
        }
    }

    /// <summary>Null if one more request fits the window; else the time until the request that fills it leaves.</summary>
    private static TimeSpan? WaitFor(Queue<long> log, long now, int requests, TimeSpan window)
    {
        var inWindow = log.Count - log.Count(t => Stopwatch.GetElapsedTime(t, now) >= window);
        if (inWindow < requests)
        {
            return null;
        }

        // The oldest of the last `requests` accepted requests must leave the window first.
        var blocking = log.ElementAt(log.Count - requests);
        return window - Stopwatch.GetElapsedTime(blocking, now);
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
