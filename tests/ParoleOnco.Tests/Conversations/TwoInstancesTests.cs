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

    private static int Prompts(World world) =>
        world.CallsTo(world.Ap.PersonalConversationId).Count(c => c.Method == "POST" && CardQuery.HasVerb(c.Card!, CardVerbs.LogbookOpen));
}
