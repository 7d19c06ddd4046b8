using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using ParoleOnco.Benchmarks.Load;

namespace ParoleOnco.Benchmarks;

/// <summary>What the benchmark prints: the machine, the table, the target check.</summary>
public static class Report
{
    public const double MaxRatio = 2.0;
    public const double MaxP95Ms = 300;

    /// <summary>The floor of issue 3: a bare Bot Framework echo turn.</summary>
    public const string Echo = "echo";

    /// <summary>A second floor, for the cost of keeping anything: the echo after saving one row.</summary>
    public const string SavingEcho = "echo+save";

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memoryGib = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memoryGib:F1} GiB, " +
            $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, " +
            $"tiered JIT {(AppContext.TryGetSwitch("System.Runtime.TieredCompilation", out var tiered) && !tiered ? "off" : "on")}");
    }

    /// <summary>The 1, 5 and 15 minute load averages: latency on a shared machine means little without them.</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static void Table(IReadOnlyList<Measurement> results, TextWriter output)
    {
        output.WriteLine(Row("verb", "users", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "req/s", "p95/echo", "cpu ms/req", "KB alloc/req", "GC pause %"));
        foreach (var m in results)
        {
            var echo = EchoAt(results, m.Users);
            output.WriteLine(Row(m.Verb, m.Users.ToString(CultureInfo.InvariantCulture), m.Requests.ToString(CultureInfo.InvariantCulture),
                m.Failures.ToString(CultureInfo.InvariantCulture), Ms(m.Percentile(50)), Ms(m.Percentile(95)), Ms(m.Percentile(99)),
                m.RequestsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
                echo is null ? "-" : (m.Percentile(95) / echo.Percentile(95)).ToString("F2", CultureInfo.InvariantCulture) + "×",
                Ms(m.CpuMsPerRequest), m.AllocatedKbPerRequest.ToString("F0", CultureInfo.InvariantCulture), (m.Gc.Paused / m.Wall).ToString("P1", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The target of issue 3 at the highest concurrency; true when every verb meets it.</summary>
    public static bool Target(IReadOnlyList<Measurement> results, IEnumerable<string> verbs, int users, TextWriter output)
    {
        var echo = EchoAt(results, users) ?? throw new InvalidOperationException($"No echo floor at {users} users.");
        var floor = echo.Percentile(95);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Target at {users} users: p95 within {MaxRatio}× the echo floor ({Ms(floor)} ms → {Ms(floor * MaxRatio)} ms) and under {MaxP95Ms} ms"));
        var met = true;
        foreach (var verb in verbs)
        {
            var m = results.Single(r => r.Verb == verb && r.Users == users);
            var p95 = m.Percentile(95);
            var pass = p95 <= floor * MaxRatio && p95 < MaxP95Ms && m.Failures == 0;
            met &= pass;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {verb,-18} p95 {Ms(p95),8} ms = {p95 / floor,6:F2}× echo   {(pass ? "PASS" : "MISS")}"));
        }

        return met;
    }

    private static Measurement? EchoAt(IReadOnlyList<Measurement> results, int users) =>
        results.FirstOrDefault(r => r.Verb == Echo && r.Users == users);

    private static string Ms(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>With --breakdown: per request, what the database did and how busy the thread pool got.</summary>
    public static void Breakdown(IReadOnlyList<Measurement> results, TextWriter output)
    {
        output.WriteLine("Per request (whole process: the outbox dispatcher's work is counted too); slow = commands or BEGINs of 150 ms or more in the level");
        output.WriteLine($"{"verb",-18}{"users",6}{"db cmds",9}{"writes",8}{"cmd ms",9}{"BEGINs",8}{"BEGIN ms",10}{"slow",7}{"threads",9}{"queued",8}");
        foreach (var m in results.Where(r => r.Profile is not null))
        {
            var p = m.Profile!;
            double PerRequest(double value) => value / m.Requests;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Verb,-18}{m.Users,6}{PerRequest(p.Commands),9:F1}{PerRequest(p.Writes),8:F1}{PerRequest(p.CommandTime.TotalMilliseconds),9:F1}" +
                $"{PerRequest(p.Transactions),8:F1}{PerRequest(p.BeginTime.TotalMilliseconds),10:F1}{p.SlowCommands,7}{p.MaxThreads,9}{p.MaxQueuedWorkItems,8}"));
        }
    }

    private static string Row(params string[] cells) =>
        $"{cells[0],-18}{cells[1],6}{cells[2],10}{cells[3],8}{cells[4],10}{cells[5],10}{cells[6],10}{cells[7],9}{cells[8],10}{cells[9],12}{cells[10],14}{cells[11],13}";
}
