using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Reminders;
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

    private static async Task<int> DoneRunsAsync(World world)
    {
        await using var db = world.Database.Context();
        return await db.Reminders.CountAsync(r => r.Kind == ReminderKind.NudgeDigest && r.Status == ReminderStatus.Done);
    }

    private static int Prompts(World world) =>
        world.CallsTo(world.Ap.PersonalConversationId).Count(c => c.Method == "POST" && CardQuery.HasVerb(c.Card!, CardVerbs.LogbookOpen));
}
