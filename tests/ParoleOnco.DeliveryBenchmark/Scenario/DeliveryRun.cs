using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParoleOnco.DeliveryBenchmark.Connector;
using ParoleOnco.DeliveryBenchmark.Hosting;
using ParoleOnco.DeliveryBenchmark.Profiling;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Infrastructure;
using ReminderKind = ParoleOnco.Features.Reminders.ReminderKind;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.DeliveryBenchmark.Scenario;

/// <summary>
/// One run on one database: the bot and the connector started, the APs seeded, one planned-contact reminder per AP
/// scheduled due now, then watched until every prompt arrived or the timeout passed, and a few seconds more for
/// duplicates to show.
/// </summary>
public static class DeliveryRun
{
    private static readonly TimeSpan DuplicateGrace = TimeSpan.FromSeconds(3);

    public static async Task<RunResult> RunAsync(TestDatabase database, RunOptions options, TextWriter progress)
    {
        await using var connector = await LimitedConnector.StartAsync();
        var logs = new LogTally();
        await using var bot = new BotHost(database, logs, options.Settings);
        var setup = Stopwatch.StartNew();
        bot.Start();
        var seeded = await Seeding.SeedAsync(bot.Services, options.Aps, connector.ServiceUrl);
        progress.WriteLine($"  {database.Provider}: bot started and {seeded.Count:N0} APs seeded in {setup.Elapsed.TotalSeconds:F1} s");

        var breakdown = options.Profile ? Breakdown.Start() : null;
        var (start, startedAt) = await ScheduleAsync(bot, seeded);
        var samples = await Sampler.WatchAsync(bot, connector, start, seeded.Count, options.Timeout, progress);
        var finished = Stopwatch.GetTimestamp();
        breakdown?.Dispose();
        await Task.Delay(DuplicateGrace);

        var reminders = await OutcomesAsync(bot);
        return new RunResult(
            database.Provider, seeded, start, startedAt, Stopwatch.GetElapsedTime(start, finished),
            [.. connector.Accepted], [.. connector.Refused], connector.Unexpected, reminders, samples, logs.Entries, breakdown?.Operations ?? [], breakdown?.Events ?? []);
    }

    /// <summary>Schedules the reminders in one commit; returns the moment they became visible to the bot.</summary>
    private static async Task<(long Start, DateTimeOffset StartedAt)> ScheduleAsync(BotHost bot, IReadOnlyList<SeededAp> seeded)
    {
        await using var scope = bot.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>();
        var schedule = new ReminderSchedule(db);
        var due = DateTimeOffset.UtcNow;
        foreach (var ap in seeded)
        {
            schedule.Add(ReminderKind.PlannedContact, ap.ReferralId, due, due);
        }

        await db.SaveChangesAsync();
        return (Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow);
    }

    /// <summary>What became of each planned-contact reminder and of the outbox message it queued.</summary>
    private static async Task<IReadOnlyList<ReminderOutcome>> OutcomesAsync(BotHost bot)
    {
        await using var scope = bot.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>();
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.Kind == ReminderKind.PlannedContact).ToListAsync();
        var messages = (await db.OutboxMessages.AsNoTracking().Where(m => m.Key.StartsWith("reminder/")).ToListAsync())
            .ToLookup(m => m.Key);
        return
        [
            .. reminders.Select(r =>
            {
                var queued = messages[$"reminder/{r.Id:N}"].ToList();
                var message = queued.FirstOrDefault();
                return new ReminderOutcome(
                    r.ReferralId ?? Guid.Empty, r.DoneAt, queued.Count, message?.Status, message?.Attempts ?? 0, message?.DeliveredAt, message?.LastError);
            }),
        ];
    }
}

public sealed record RunOptions(int Aps, TimeSpan Timeout, IReadOnlyDictionary<string, string> Settings, bool Profile);
