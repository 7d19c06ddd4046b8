using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ParoleOnco.Benchmarks.Hosting;
using ParoleOnco.Benchmarks.Load;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Benchmarks.Figures;

/// <summary>
/// The program's figures on five years of nine establishments (issue 12, "Performance"):
///
///   dotnet run -c Release --project tests/ParoleOnco.Benchmarks -- --figures [--scale 1] [--invokes 30]
///
/// On SQLite, and on PostgreSQL when PAROLEONCO_TEST_POSTGRES names a server: seeds half the history, downloads both
/// exports, seeds the other half, then measures <c>stats.show</c> for one establishment and for the whole program (an
/// admin in their 1:1, last 12 months and since the start) and <c>impact</c> for an AP of five years, and downloads both
/// exports again. Prints p50/p95 of the invoke and,
/// for each export, its time, size and the peak of the managed heap above what it was before: the line list is
/// streamed, so the peak stays flat while the rows double. Target: p95 &lt; 500 ms. Exit 0 met, 2 missed, 1 failed.
/// </summary>
public static class FiguresRun
{
    private const double TargetP95Ms = 500;
    private static readonly string[] Periods = ["last12Months", "sinceStart"];
    private static readonly string[] Exports = ["figures.csv", "accompaniments.csv"];

    public static async Task<int> RunAsync(string[] args, TeamsActivities activities, Action<string> say)
    {
        var scale = double.Parse(Value(args, "--scale") ?? "1", CultureInfo.InvariantCulture);
        var invokes = int.Parse(Value(args, "--invokes") ?? "30", CultureInfo.InvariantCulture);
        var rows = new List<string>();
        var met = true;
        foreach (var provider in TestDatabase.PostgresServer is null ? ["Sqlite"] : new[] { "Sqlite", "Postgres" })
        {
            await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
            var admin = TestUser.Create("Anne Admin", "fr-CA", 1);
            using var host = BotHost.Start(databaseFile: "", admin.AadObjectId, settings: Settings(database));
            using var bot = new BotClient(host.Address);
            using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(5) };
            var history = new History(DateTimeOffset.UtcNow, scale);
            var contexts = database.Context;

            say($"{provider}: seeding the first half of a {History.EstablishmentCount}-establishment, five-year history (scale {scale})");
            var seeding = Stopwatch.StartNew();
            await history.SeedAsync(contexts, half: 0, CancellationToken.None);
            say($"  {history.Referrals} referrals, {history.LogbookEntries} logbook entries, {history.Escalations} escalations in {seeding.Elapsed.TotalSeconds:F0} s");
            var card = await InvokeAsync(bot, activities, admin, "all", "sinceStart");
            foreach (var export in Exports)
            {
                rows.Add(await DownloadAsync(http, card, export, $"{provider}, {history.Referrals} referrals"));
            }

            await history.SeedAsync(contexts, half: 1, CancellationToken.None);
            say($"  then {history.Referrals} referrals, {history.LogbookEntries} logbook entries, {history.Escalations} escalations in {seeding.Elapsed.TotalSeconds:F0} s");
            foreach (var (scope, establishment) in new[] { ("one establishment", "E1"), ("the program", "all") })
            {
                foreach (var period in Periods)
                {
                    var (p50, p95) = await MeasureAsync(() => InvokeAsync(bot, activities, admin, establishment, period), invokes);
                    met &= p95 < TargetP95Ms;
                    rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | stats.show, {scope}, {period} | {invokes} | {p50:F0} | {p95:F0} | | |"));
                }
            }

            var (impactP50, impactP95) = await MeasureAsync(() => bot.PostOrThrowAsync(activities.Message(History.FirstAp, "impact", new Where.Personal()), invoke: false), invokes);
            met &= impactP95 < TargetP95Ms;
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | impact, an AP of five years | {invokes} | {impactP50:F0} | {impactP95:F0} | | |"));

            card = await InvokeAsync(bot, activities, admin, "all", "sinceStart");
            foreach (var export in Exports)
            {
                rows.Add(await DownloadAsync(http, card, export, $"{provider}, {history.Referrals} referrals"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| database | what | runs | p50 ms | p95 ms | bytes | peak heap MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine($"Target: p95 of stats.show under {TargetP95Ms} ms: {(met ? "met" : "MISSED")}.");
        return met ? 0 : 2;
    }

    private static Dictionary<string, string> Settings(TestDatabase database)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:ParoleOnco"] = database.ConnectionString,
        };
        for (var i = 0; i < History.EstablishmentCount; i++)
        {
            settings[$"ParoleOnco:Establishments:{i}:Id"] = History.EstablishmentId(i);
            settings[$"ParoleOnco:Establishments:{i}:Name"] = $"Établissement {i + 1}";
            settings[$"ParoleOnco:Establishments:{i}:Programs:0"] = "breast";
        }

        return settings;
    }

    private static async Task<(double P50, double P95)> MeasureAsync(Func<Task> turn, int invokes)
    {
        for (var i = 0; i < 3; i++)
        {
            await turn();
        }

        var times = new List<double>();
        for (var i = 0; i < invokes; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await turn();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return (Percentile(times, 0.5), Percentile(times, 0.95));
    }

    private static async Task<JsonNode> InvokeAsync(BotClient bot, TeamsActivities activities, TestUser admin, string establishment, string period)
    {
        var data = new JsonObject { ["establishmentId"] = establishment, ["period"] = period };
        var reply = await bot.PostOrThrowAsync(activities.Invoke(admin, CardVerbs.StatsShow, data, new Where.Personal(), "stats"), invoke: true);
        return JsonNode.Parse(reply.Body)!["value"]!;
    }

    /// <summary>Downloads an export linked from the card, sampling the managed heap meanwhile.</summary>
    private static async Task<string> DownloadAsync(HttpClient http, JsonNode card, string export, string label)
    {
        var url = OpenUrls(card).FirstOrDefault(u => u.Contains($"/exports/{export}", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The figures card links no {export}.");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5);
            }
        });
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(new Uri(url).PathAndQuery, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var counting = new CountingStream();
        await response.Content.CopyToAsync(counting);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await sampling.CancelAsync();
        await sampler;
        return string.Create(CultureInfo.InvariantCulture, $"| {label} | {export} | 1 | {ms:F0} | | {counting.Length} | {(peak - before) / (1024.0 * 1024):F1} |");
    }

    private static IEnumerable<string> OpenUrls(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.OpenUrl" && o["url"] is JsonValue url => [(string)url!],
        JsonObject o => o.SelectMany(p => OpenUrls(p.Value)),
        JsonArray a => a.SelectMany(OpenUrls),
        _ => [],
    };

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private static string? Value(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    /// <summary>Counts what it is given and keeps nothing: the download's size, not its memory.</summary>
    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
