using System.Diagnostics;
using ParoleOnco.DeliveryBenchmark.Profiling;
using ParoleOnco.DeliveryBenchmark.Scenario;

namespace ParoleOnco.DeliveryBenchmark.Report;

/// <summary>Prints a run's breakdown (--profile): its database commands, transactions and HTTP requests, costliest first.</summary>
public static class ProfileTable
{
    private const int Rows = 18;
    private const int SecondsPerLine = 30;

    public static void Print(RunResult run, TextWriter output)
    {
        if (run.Profile.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"Profile, {run.Provider}: {run.Watched.TotalSeconds:F0} s watched; time summed over concurrent operations, costliest first");
        output.WriteLine($"{"operation",-52}{"count",8}{"total s",9}{"mean ms",9}{"max ms",8}{$"≥{Breakdown.SqliteBusySleep.TotalMilliseconds:F0} ms",9}");
        foreach (var (name, op) in run.Profile.Take(Rows))
        {
            output.WriteLine(
                $"{Shorten(name),-52}{op.Count,8:N0}{op.Total.TotalSeconds,9:F1}{op.Total.TotalMilliseconds / op.Count,9:F1}{op.Max.TotalMilliseconds,8:F0}{op.AtLeastBusySleep,9:N0}");
        }

        PrintSeconds(run, output);
    }

    /// <summary>Second by second from the schedule: requests the connector answered, 429s among them, outbox claims.</summary>
    private static void PrintSeconds(RunResult run, TextWriter output)
    {
        var seconds = (int)Math.Ceiling(run.Watched.TotalSeconds);
        int[] PerSecond(Func<string, bool> which)
        {
            var counts = new int[seconds + 1];
            foreach (var (at, name) in run.ProfileEvents.Where(e => which(e.Name)))
            {
                counts[Math.Clamp((int)Stopwatch.GetElapsedTime(run.Start, at).TotalSeconds, 0, seconds)]++;
            }

            return counts;
        }

        var rows = new (string Label, int[] Counts)[]
        {
            ("sent", PerSecond(n => n.StartsWith("HTTP", StringComparison.Ordinal))),
            ("429", PerSecond(n => n.EndsWith("429", StringComparison.Ordinal))),
            ("claimed", PerSecond(n => n == Sql.Claim)),
        };
        output.WriteLine();
        output.WriteLine("Per second from the schedule (connector requests sent, 429s among them, outbox messages claimed):");
        for (var from = 0; from <= seconds; from += SecondsPerLine)
        {
            foreach (var (label, counts) in rows)
            {
                output.WriteLine($"{(label == "sent" ? $"{from,4} s" : ""),6} {label,-8}" + string.Concat(counts.Skip(from).Take(SecondsPerLine).Select(c => $"{c,4}")));
            }
        }
    }

    private static string Shorten(string name) => name.Length <= 50 ? name : name[..49] + "…";
}
