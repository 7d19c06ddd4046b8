using System.Diagnostics;

namespace ParoleOnco.Benchmarks.Load;

/// <summary>One measured level: each user's activities, sent one after the other, all users at once.</summary>
public sealed record Level(string Verb, IReadOnlyList<IReadOnlyList<byte[]>> PerUser, Func<Reply, bool> IsExpected)
{
    public int Users => PerUser.Count;
    public int Activities => PerUser.Sum(a => a.Count);
}

/// <summary>
/// A closed loop: every user sends its next activity as soon as the previous answer is read, with no think time, so
/// the bot always has exactly <see cref="Level.Users"/> turns in flight. Latency is the client's Stopwatch time from
/// sending the request to having read the whole answer. A level ends when its activities are sent or its time is up,
/// whichever comes first, so a slow bot cannot stretch the run.
/// </summary>
public static class LoadRunner
{
    public static async Task<Measurement> RunAsync(BotClient client, Level level, TimeSpan maxDuration)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (allocated, paused) = (GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalPauseDuration());
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(maxDuration.TotalSeconds * Stopwatch.Frequency);
        var users = level.PerUser.Select(activities => Task.Run(async () =>
        {
            await go.Task;
            var latencies = new List<double>(activities.Count);
            var failures = 0;
            for (var i = 0; i < activities.Count && Stopwatch.GetTimestamp() < deadline; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var expected = false;
                try
                {
                    expected = level.IsExpected(await client.PostAsync(activities[i]));
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                failures += expected ? 0 : 1;
            }

            return (latencies, failures);
        })).ToArray();

        go.SetResult();
        var results = await Task.WhenAll(users);
        var wall = Stopwatch.GetElapsedTime(start);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var gc = new GcWork(GC.GetTotalAllocatedBytes(precise: true) - allocated, GC.GetTotalPauseDuration() - paused);
        return new Measurement(level.Verb, level.Users, [.. results.SelectMany(r => r.latencies)], wall, cpu, gc, results.Sum(r => r.failures));
    }
}

/// <summary>A level's latencies, sorted, with nearest-rank percentiles (no histogram: a few hundred samples sort instantly).</summary>
public sealed class Measurement
{
    private readonly double[] sorted;

    public Measurement(string verb, int users, double[] latenciesMs, TimeSpan wall, TimeSpan cpu, GcWork gc, int failures)
    {
        (Verb, Users, Wall, Cpu, Gc, Failures) = (verb, users, wall, cpu, gc, failures);
        sorted = latenciesMs;
        Array.Sort(sorted);
    }

    public string Verb { get; }
    public int Users { get; }
    public TimeSpan Wall { get; }

    /// <summary>CPU time of the whole process during the level: the turns, the bot's background work (its outbox
    /// dispatcher), the connector and the load generator.</summary>
    public TimeSpan Cpu { get; }

    /// <summary>What the whole process allocated during the level, and how long the GC paused it.</summary>
    public GcWork Gc { get; }

    public int Failures { get; set; }
    public Profiling.LevelProfile? Profile { get; set; }
    public int Requests => sorted.Length;
    public double RequestsPerSecond => Requests / Wall.TotalSeconds;

    /// <summary>CPU per request: what a turn costs the process, whatever other processes the machine is running.</summary>
    public double CpuMsPerRequest => Cpu.TotalMilliseconds / Requests;

    public double AllocatedKbPerRequest => Gc.AllocatedBytes / 1024.0 / Requests;

    public double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <param name="AllocatedBytes">Bytes allocated by every thread of the process: the load generator and the recording connector too.</param>
/// <param name="Paused">Time the GC held every managed thread still.</param>
public sealed record GcWork(long AllocatedBytes, TimeSpan Paused);
