// Latency benchmark of the referral verbs against a bare Bot Framework echo turn (issue 3, "Latency benchmark").
//
//   dotnet run -c Release --project tests/ParoleOnco.Benchmarks [-- --requests 400] [--seconds 12] [--breakdown]
//   dotnet run -c Release --project tests/ParoleOnco.Benchmarks -- --figures [--scale 1]   (the figures: see FiguresRun)
//
// Starts the real bot on a loopback Kestrel port with a fresh SQLite file and a recording Bot Connector, and next to
// it, in turn, the same host with a bare echo IBot and with one whose echo first saves a row. Measures those floors
// first (while the bot is idle), then sets up a coordinators' channel, approved APs and clinicians through real
// activities and measures referral.submit (a new valid form each time) and referral.approve (each on a distinct open
// referral) at 1, 8 and 32 concurrent users: up to --requests per level, or --seconds, whichever ends first. Prints
// the machine, the table and the target:
// p95 of both verbs at 32 users within 2× the echo p95 and under 300 ms. --breakdown adds what the database and the
// thread pool did per request. About a minute or two; run on demand, `dotnet test` skips it (not a test project).
// Exit code: 0 target met, 2 target missed, 1 requests failed.
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Data.Sqlite;
using ParoleOnco.Benchmarks.Figures;
using ParoleOnco.Benchmarks.Hosting;
using ParoleOnco.Benchmarks.Load;
using ParoleOnco.Benchmarks.Profiling;
using ParoleOnco.Benchmarks.Scenario;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Benchmarks;

public static class Benchmark
{
    private static readonly int[] Levels = [1, 8, 32];
    private const int WarmUpPerUser = 5;

    /// <summary>Warm-up rounds at most: tiered compilation re-compiles hot methods in the background for a while.</summary>
    private const int MaxWarmUpRounds = 8;

    /// <summary>The JIT's share of a warm-up round under which the code is taken as settled.</summary>
    private const double SettledJitShare = 0.02;

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--figures"))
        {
            return await FiguresAsync(args);
        }

        var requests = Option(args, "--requests", 400);
        var maxLevelDuration = TimeSpan.FromSeconds(Option(args, "--seconds", 12));
        using var breakdown = args.Contains("--breakdown") ? Breakdown.Start() : null;
        var maxUsers = Levels.Max();
        var approvals = MaxWarmUpRounds * maxUsers * WarmUpPerUser + Levels.Sum(users => PerUser(requests, users) * users);
        var groups = (approvals + ApGroup.Approvals - 1) / ApGroup.Approvals;
        if (groups > ApGroup.MaxGroups)
        {
            Console.Error.WriteLine($"{approvals} approvals need more than {ApGroup.MaxGroups} AP profiles: lower --requests.");
            return 1;
        }

        // WebApplicationFactory finds the bot's content root through MvcTestingAppManifest.json in the current
        // directory, where a test runner would be; `dotnet run --project` starts elsewhere.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var clock = Stopwatch.StartNew();
        void Say(string line) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");
        Console.WriteLine($"Machine: {Report.Machine()}");
        Say($"Load average (1, 5, 15 min): {Report.Load()}");
        var folder = Directory.CreateTempSubdirectory("paroleonco-bench-").FullName;
        var connector = await RecordingConnector.StartAsync();
        try
        {
            var admin = TestUser.Create("Anne Admin", "fr-CA", 1);
            using var bot = BotHost.Start(Path.Combine(folder, "bot.db"), admin.AadObjectId);
            using var botClient = new BotClient(bot.Address);
            var activities = new TeamsActivities(connector.ServiceUrl);

            async Task<Measurement> RunAsync(BotClient client, Level level)
            {
                if (breakdown is null)
                {
                    return await LoadRunner.RunAsync(client, level, maxLevelDuration);
                }

                var (measurement, profile) = await breakdown.ProfileAsync(() => LoadRunner.RunAsync(client, level, maxLevelDuration));
                measurement.Profile = profile;
                return measurement;
            }

            // The floors first, while the bot is idle: from its setup on, the bot's outbox dispatcher delivers cards in
            // the background, and that work is the bot's cost, not the floor's.
            var results = new List<Measurement>();
            var echoUsers = Enumerable.Range(0, maxUsers).Select(i => TestUser.Create($"Echo {i}", "fr-CA", 300 + i)).ToList();
            foreach (var (floor, floorBot) in new[] { (Report.Echo, typeof(EchoBot)), (Report.SavingEcho, typeof(SavingEchoBot)) })
            {
                // A floor's host runs for its own levels only: left idle, its background workers would weigh on the bot's.
                using var host = BotHost.Start(Path.Combine(folder, $"{floor}.db"), admin.AadObjectId, floorBot);
                using var client = new BotClient(host.Address);
                Say($"Floor '{floor}': warm-up, then up to {requests} requests or {maxLevelDuration.TotalSeconds} s at {string.Join(", ", Levels)} users");
                for (var round = 1; round <= MaxWarmUpRounds; round++)
                {
                    var jitShare = await JitShareAsync(() => RunAsync(client, Workloads.Echo(floor, activities, echoUsers, WarmUpPerUser)));
                    Say($"  warm-up round {round}: the JIT compiled for {jitShare:P0} of it");
                    if (jitShare < SettledJitShare)
                    {
                        break;
                    }
                }

                foreach (var users in Levels)
                {
                    results.Add(await RunAsync(client, Workloads.Echo(floor, activities, echoUsers[..users], PerUser(requests, users))));
                }
            }

            connector.Clear();
            Say($"Setting up E1's channel, {groups * ApGroup.Size} approved APs (capacity {ApGroup.Capacity}), {maxUsers} clinicians and {maxUsers} coordinators");
            var world = new ReferralWorld(bot, botClient, connector, activities, maxUsers);
            await world.SetUpAsync(groups);
            var workloads = new Workloads(bot, world, activities);

            async Task<Measurement[]> MeasureVerbsAsync(int users, int perUser)
            {
                var submit = await RunAsync(botClient, workloads.Submit(users, perUser));
                var approvals = await workloads.ApproveAsync(users);
                var approve = await RunAsync(botClient, approvals);

                // Every answered submit must have saved a referral, and every answered approval matched one.
                submit.Failures = Math.Max(submit.Failures, submit.Requests - approvals.Activities);
                approve.Failures = Math.Max(approve.Failures, approve.Requests - await workloads.MatchedAsync());
                connector.Clear();
                Say($"  {users} users: {submit.Requests} submit, {approve.Requests} approve; {await workloads.OutboxPendingAsync()} cards waiting in the outbox");
                return [submit, approve];
            }

            // The bot ships with tiered compilation: measure the code it settles to, not the first minutes' re-compiling.
            for (var round = 1; round <= MaxWarmUpRounds; round++)
            {
                Say($"Warming up, round {round}: {maxUsers * WarmUpPerUser} requests of each verb at {maxUsers} users");
                var jitShare = await JitShareAsync(() => MeasureVerbsAsync(maxUsers, WarmUpPerUser));
                Say($"  the JIT compiled for {jitShare:P0} of the round");
                if (jitShare < SettledJitShare)
                {
                    break;
                }
            }

            var jitAtStart = JitInfo.GetCompilationTime();
            foreach (var users in Levels)
            {
                Say($"Measuring at {users} users: up to {PerUser(requests, users) * users} requests or {maxLevelDuration.TotalSeconds} s per verb");
                results.AddRange(await MeasureVerbsAsync(users, PerUser(requests, users)));
            }

            Say($"Done. The JIT compiled for {(JitInfo.GetCompilationTime() - jitAtStart).TotalMilliseconds:F0} ms during the measured levels. Load average (1, 5, 15 min): {Report.Load()}");
            string[] order = [Report.Echo, Report.SavingEcho, CardVerbs.ReferralSubmit, CardVerbs.ReferralApprove];
            var ordered = results.OrderBy(r => Array.IndexOf(order, r.Verb)).ThenBy(r => r.Users).ToList();
            Console.WriteLine();
            Report.Table(ordered, Console.Out);
            Console.WriteLine();
            var met = Report.Target(ordered, [CardVerbs.ReferralSubmit, CardVerbs.ReferralApprove], maxUsers, Console.Out);
            if (breakdown is not null)
            {
                Console.WriteLine();
                Report.Breakdown(ordered, Console.Out);
            }

            return results.Any(r => r.Failures > 0) ? 1 : met ? 0 : 2;
        }
        finally
        {
            await connector.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> FiguresAsync(string[] args)
    {
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"Machine: {Report.Machine()}");
        await using var connector = await RecordingConnector.StartAsync();
        return await FiguresRun.RunAsync(args, new TeamsActivities(connector.ServiceUrl), line => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}"));
    }

    /// <summary>
    /// Runs a warm-up round and waits a second for the JIT's background tier-1 compilations to land; returns the JIT's
    /// time (the round's and the second's) as a share of the round's own time.
    /// </summary>
    private static async Task<double> JitShareAsync(Func<Task> round)
    {
        var (jitBefore, started) = (JitInfo.GetCompilationTime(), Stopwatch.GetTimestamp());
        await round();
        var roundTime = Stopwatch.GetElapsedTime(started);
        await Task.Delay(TimeSpan.FromSeconds(1));
        return (JitInfo.GetCompilationTime() - jitBefore) / roundTime;
    }

    private static int Option(string[] args, string name, int defaultValue) =>
        args.SkipWhile(a => a != name).Skip(1).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).FirstOrDefault(defaultValue);

    // Each user sends the same number of activities, so a level's request count is rounded up to a multiple of its users.
    private static int PerUser(int requests, int users) => (requests + users - 1) / users;
}
