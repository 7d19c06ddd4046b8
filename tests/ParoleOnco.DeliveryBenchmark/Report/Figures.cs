using System.Diagnostics;
using ParoleOnco.DeliveryBenchmark.Connector;
using ParoleOnco.DeliveryBenchmark.Scenario;
using ParoleOnco.Features.Delivery;

namespace ParoleOnco.DeliveryBenchmark.Report;

/// <summary>The figures of one run, computed from what the connector accepted and what the database says.</summary>
public sealed record Figures(
    string Provider,
    int Scheduled,
    int Delivered,
    Lost Lost,
    int DuplicatePrompts,
    int ConversationsPromptedTwice,
    int Throttled,
    int Unexpected,
    int Requests,
    int RetriedMessages,
    TimeSpan FirstPrompt,
    TimeSpan Total,
    double OverallRate,
    double SustainedRate,
    int PeakPerSecond,
    int PeakSentPerSecond,
    double FiredRate,
    Bursts Firing,
    int MaxPending,
    double MeanCpu,
    long MaxThreadPoolQueue,
    int MaxThreads)
{
    public const double TargetRate = 45;

    public bool Pass => SustainedRate >= TargetRate && Lost.Total == 0 && DuplicatePrompts == 0 && ConversationsPromptedTwice == 0;

    public static Figures Of(RunResult run)
    {
        var ours = run.Aps.Select(a => a.ReferralId.ToString()).ToHashSet();
        var prompts = run.Accepted.Where(r => r.Method == "POST" && r.ReferralId is not null && ours.Contains(r.ReferralId)).ToList();
        var firstArrivals = prompts.GroupBy(p => p.ReferralId).Select(g => Seconds(run.Start, g.Min(p => p.Timestamp))).Order().ToList();
        var byReferral = run.Reminders.ToLookup(r => r.ReferralId.ToString());
        var missing = ours.Except(prompts.Select(p => p.ReferralId!)).ToList();
        var total = firstArrivals.Count > 0 ? TimeSpan.FromSeconds(firstArrivals[^1]) : run.Watched;
        var fired = run.Reminders.Where(r => r.FiredAt is not null).Select(r => (r.FiredAt!.Value - run.StartedAt).TotalSeconds).Order().ToList();

        return new Figures(
            run.Provider,
            run.Aps.Count,
            firstArrivals.Count,
            Lost.Of(missing.SelectMany(m => byReferral[m]).ToList(), missing.Count),
            prompts.Count - firstArrivals.Count,
            prompts.GroupBy(p => p.ConversationId).Count(g => g.Count() > 1),
            run.Refused.Count,
            run.Unexpected,
            run.Accepted.Count + run.Refused.Count,
            run.Reminders.Count(r => r.Attempts > 1),
            TimeSpan.FromSeconds(firstArrivals.FirstOrDefault()),
            total,
            firstArrivals.Count / Math.Max(total.TotalSeconds, 0.001),
            MiddleRate(firstArrivals),
            PeakInOneSecond(run.Accepted.Select(a => a.Timestamp)),
            PeakInOneSecond(run.Accepted.Select(a => a.Timestamp).Concat(run.Refused)),
            MiddleRate(fired),
            Bursts.Of(fired),
            run.Samples.Count == 0 ? 0 : run.Samples.Max(s => s.Pending),
            run.Samples.Count == 0 ? 0 : run.Samples.Average(s => s.CpuShare),
            run.Samples.Count == 0 ? 0 : run.Samples.Max(s => s.ThreadPoolQueue),
            run.Samples.Count == 0 ? 0 : run.Samples.Max(s => s.Threads));
    }

    /// <summary>The rate over the middle 80 % of events: no warm-up, no tail.</summary>
    public static double MiddleRate(IReadOnlyList<double> times)
    {
        if (times.Count < 10)
        {
            return 0;
        }

        var (from, to) = (times.Count / 10, times.Count - 1 - times.Count / 10);
        return (to - from) / Math.Max(times[to] - times[from], 0.001);
    }

    /// <summary>The most requests within any one second: Teams allows 50 per app.</summary>
    private static int PeakInOneSecond(IEnumerable<long> timestamps)
    {
        var times = timestamps.Order().ToList();
        var (peak, first) = (0, 0);
        for (var last = 0; last < times.Count; last++)
        {
            while (Stopwatch.GetElapsedTime(times[first], times[last]) >= TimeSpan.FromSeconds(1))
            {
                first++;
            }

            peak = Math.Max(peak, last - first + 1);
        }

        return peak;
    }

    private static double Seconds(long start, long at) => Stopwatch.GetElapsedTime(start, at).TotalSeconds;
}

/// <summary>Why prompts did not arrive: still waiting (reminder not fired, message pending) or gone (failed, silenced).</summary>
public sealed record Lost(int Total, int NotFired, int Pending, int Failed, int Silenced, int DeliveredUnseen, string? FirstError)
{
    public static Lost Of(IReadOnlyList<ReminderOutcome> missing, int total) => new(
        total,
        missing.Count(r => r.FiredAt is null),
        missing.Count(r => r.Status == OutboxStatus.Pending),
        missing.Count(r => r.Status == OutboxStatus.Failed),
        missing.Count(r => r.FiredAt is not null && r.Messages == 0),
        missing.Count(r => r.Status == OutboxStatus.Delivered),
        missing.Select(r => r.LastError).FirstOrDefault(e => e is not null));
}

/// <summary>Reminders fire in rounds: how many rounds, how many reminders each, and the pause between rounds.</summary>
public sealed record Bursts(int Count, double MeanSize, double MeanPause, double MeanLength)
{
    private const double Gap = 0.5;

    public static Bursts Of(IReadOnlyList<double> times)
    {
        if (times.Count == 0)
        {
            return new Bursts(0, 0, 0, 0);
        }

        var bursts = new List<(double Start, double End, int Size)> { (times[0], times[0], 1) };
        foreach (var t in times.Skip(1))
        {
            var (start, end, size) = bursts[^1];
            bursts[^1] = t - end > Gap ? bursts[^1] : (start, t, size + 1);
            if (t - end > Gap)
            {
                bursts.Add((t, t, 1));
            }
        }

        var pauses = bursts.Zip(bursts.Skip(1), (a, b) => b.Start - a.End).ToList();
        return new Bursts(bursts.Count, bursts.Average(b => b.Size), pauses.Count == 0 ? 0 : pauses.Average(), bursts.Average(b => b.End - b.Start));
    }
}
