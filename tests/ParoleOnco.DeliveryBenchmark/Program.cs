// Delivery benchmark (issue 4): 5,000 logbook prompts to 5,000 APs through Teams' rate limits. Run on demand:
//
//   dotnet run -c Release --project tests/ParoleOnco.DeliveryBenchmark [-- --aps 5000] [--timeout 182]
//       [--db sqlite|postgres|all] [--set Section:Key=value ...] [--profile]
//
// The real bot in-process on a fresh SQLite database (and PostgreSQL too when PAROLEONCO_TEST_POSTGRES is set), a Bot
// Connector on loopback that answers 429 + Retry-After beyond Teams' limits (per conversation 7/1 s, 8/2 s, 60/30 s,
// 1,800/h; per app 50/s), APs seeded with a 1:1 chat and an accepted accompaniment, one planned-contact reminder each
// due now. Prints delivered/s sustained (vs 50/s), lost, duplicated, 429s, total time, which stage set the pace, and
// PASS/MISS for ≥ 45/s, 0 lost, 0 duplicated (exit 0/2). --set tries a bot setting; --profile times every database
// command and connector request. About 2 min per database when on target, 3½ when prompts are late.
using System.Globalization;
using ParoleOnco.DeliveryBenchmark.Hosting;
using ParoleOnco.DeliveryBenchmark.Report;
using ParoleOnco.DeliveryBenchmark.Scenario;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.DeliveryBenchmark;

public static class Benchmark
{
    public static async Task<int> Main(string[] args)
    {
        // WebApplicationFactory finds the bot's content root through MvcTestingAppManifest.json in the current
        // folder, which `dotnet run` leaves where it was called from.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var aps = int.Parse(Option(args, "--aps") ?? "5000", CultureInfo.InvariantCulture);
        var timeout = Option(args, "--timeout") is { } seconds
            ? TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture))
            : TimeSpan.FromSeconds(Math.Ceiling(aps / Figures.TargetRate * 1.5) + 15); // 182 s for 5,000
        var profile = args.Contains("--profile");
        var settings = Options(args, "--set").Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        var databases = (Option(args, "--db") ?? (TestDatabase.PostgresServer is null ? "sqlite" : "all")) switch
        {
            "sqlite" => new[] { "Sqlite" },
            "postgres" => ["Postgres"],
            _ => ["Sqlite", "Postgres"],
        };

        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"Run:     {aps:N0} APs, one planned-contact prompt each, due at once; prompts not arrived after {timeout.TotalSeconds:F0} s count as lost");
        foreach (var (key, value) in settings)
        {
            Console.WriteLine($"Setting: {key} = {value}");
        }

        var figures = new List<Figures>();
        var logs = new List<(string Provider, RunResult Run)>();
        foreach (var provider in databases)
        {
            await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
            var run = await DeliveryRun.RunAsync(database, new RunOptions(aps, timeout, settings, profile), Console.Out);
            figures.Add(Figures.Of(run));
            logs.Add((provider, run));
        }

        Console.WriteLine();
        Table.Print(figures, Console.Out);
        foreach (var (provider, run) in logs)
        {
            foreach (var (level, category, count, example) in run.Logs.Take(5))
            {
                Console.WriteLine($"{provider} log: {count:N0} × {level} {category}: {example}");
            }
        }

        foreach (var (_, run) in logs)
        {
            ProfileTable.Print(run, Console.Out);
        }

        Console.WriteLine();
        Table.Verdict(figures, Console.Out);
        return figures.All(f => f.Pass) ? 0 : 2;
    }

    private static string? Option(string[] args, string name) => Options(args, name).LastOrDefault();

    private static IEnumerable<string> Options(string[] args, string name) =>
        args.Zip(args.Skip(1)).Where(pair => pair.First == name).Select(pair => pair.Second);
}
