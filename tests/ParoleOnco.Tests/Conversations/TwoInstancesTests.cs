using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Features.Thanking;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>Two bot processes on one PostgreSQL database, as a scaled-out deployment runs them: each reminder fires once.</summary>
public sealed class TwoInstancesTests
{
    private const int Reminders = 30;

    [SkippableFact]
    public async Task Each_reminder_is_delivered_once_by_two_bot_processes_sharing_one_database()
    {
        await using var world = await World.StartOnTheRealClockAsync(Databases.Postgres);
        var referralId = Guid.Parse(await world.AcceptedReferralAsync());
        var prompted = Prompts(world);
        var due = world.Clock.GetUtcNow();
        await world.QueryAsync(async db =>
        {
            var schedule = new ReminderSchedule(db);
            for (var i = 0; i < Reminders; i++)
            {
                schedule.Add(ReminderKind.PlannedContact, referralId, due, due);
            }

            return await db.SaveChangesAsync();
        });
        await world.StopBotAsync();

        var settings = new Dictionary<string, string> { ["Delivery:PollInterval"] = "00:00:00.05" };
        await using var first = await BotProcess.StartAsync(world.Database, settings);
        await using var second = await BotProcess.StartAsync(world.Database, settings);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Prompts(world) < prompted + Reminders && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would show up by now
        Assert.Equal(prompted + Reminders, Prompts(world));
    }

    [SkippableFact]
    public async Task Two_bot_processes_send_each_clinician_one_digest_per_run()
    {
        await using var world = await World.StartOnTheRealClockAsync(Databases.Postgres);
        await world.BindE1ChannelAsync();
        await world.SubmitReferralAsync(world.Clinician);
        await world.StopBotAsync();
        await using (var planned = world.Database.Context())
        {
            await planned.Reminders.Where(r => r.Kind == ReminderKind.NudgeDigest).ExecuteDeleteAsync(); // planned on the default cron
        }

        var settings = new Dictionary<string, string> { ["Delivery:PollInterval"] = "00:00:00.05", ["Nudges:Cron"] = "0/2 * * * * ?" };
        await using (var first = await BotProcess.StartAsync(world.Database, settings))
        await using (var second = await BotProcess.StartAsync(world.Database, settings))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (await DoneRunsAsync(world) < 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }

        var runs = await DoneRunsAsync(world);
        await using var db = world.Database.Context();
        var keys = await db.OutboxMessages.Where(m => m.Key.StartsWith("nudge/")).Select(m => m.Key).ToListAsync();
        Assert.True(runs >= 3, $"{runs} runs in a minute");
        Assert.Equal(runs, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.True(NudgeTests.Digests(world, world.Clinician).Count <= runs);
    }

    [SkippableFact]
    public async Task Two_bot_processes_send_an_ap_one_impact_card_for_the_month_however_many_runs()
    {
        await using var world = await World.StartOnTheRealClockAsync(Databases.Postgres);
        await world.BindE1ChannelAsync();
        var apId = Guid.Parse(await world.ApprovedApAsync(world.Ap));
        await world.StopBotAsync();
        await using (var seeded = world.Database.Context())
        {
            await seeded.Reminders.Where(r => r.Kind == ReminderKind.MonthlyImpact).ExecuteDeleteAsync(); // planned on the default cron
            seeded.Thanks.Add(new Thanks
            {
                Id = Guid.NewGuid(), FormId = "seeded", ApId = apId, FromAadObjectId = world.Coordinator.AadObjectId, FromName = world.Coordinator.Name,
                At = MiddleOfLastMonth(),
            });
            await seeded.SaveChangesAsync();
        }

        var settings = new Dictionary<string, string> { ["Delivery:PollInterval"] = "00:00:00.05", ["Impact:Cron"] = "0/2 * * * * ?" };
        await using (var first = await BotProcess.StartAsync(world.Database, settings))
        await using (var second = await BotProcess.StartAsync(world.Database, settings))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while ((await DoneRunsAsync(world, ReminderKind.MonthlyImpact) < 3 || ImpactTests.Monthly(world, world.Ap).Count == 0) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }

        var runs = await DoneRunsAsync(world, ReminderKind.MonthlyImpact);
        await using var db = world.Database.Context();
        var prefix = $"ap/{apId:N}/impact/";
        var keys = await db.OutboxMessages.Where(m => m.Key.StartsWith(prefix)).Select(m => m.Key).ToListAsync();
        Assert.True(runs >= 3, $"{runs} runs in a minute");
        Assert.Single(keys);
        Assert.Single(ImpactTests.Monthly(world, world.Ap));
    }

    /// <summary>The 15th or so of last month, at noon in the program's time zone: inside the month the card is about.</summary>
    private static DateTimeOffset MiddleOfLastMonth()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var middle = new DateTime(now.Year, now.Month, 1, 12, 0, 0, DateTimeKind.Unspecified).AddDays(-14);
        return new DateTimeOffset(middle, zone.GetUtcOffset(middle)).ToUniversalTime();
    }

    private static async Task<int> DoneRunsAsync(World world, ReminderKind kind = ReminderKind.NudgeDigest)
    {
        await using var db = world.Database.Context();
        return await db.Reminders.CountAsync(r => r.Kind == kind && r.Status == ReminderStatus.Done);
    }

    private static int Prompts(World world) =>
        world.CallsTo(world.Ap.PersonalConversationId).Count(c => c.Method == "POST" && CardQuery.HasVerb(c.Card!, CardVerbs.LogbookOpen));
}
