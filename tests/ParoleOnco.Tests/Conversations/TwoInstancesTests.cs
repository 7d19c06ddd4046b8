using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParoleOnco.Cards;
using ReminderKind = ParoleOnco.Features.Reminders.ReminderKind;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>Two bot instances on one PostgreSQL database, as a scaled-out deployment runs: each reminder fires once.</summary>
public sealed class TwoInstancesTests
{
    private const int Reminders = 30;

    [SkippableFact]
    public async Task Each_reminder_is_delivered_once_by_two_instances_sharing_one_database()
    {
        await using var world = await World.StartAsync(Databases.Postgres);
        var referralId = Guid.Parse(await world.AcceptedReferralAsync());
        await using var second = world.StartAnotherInstance();
        var due = world.Clock.GetUtcNow() + TimeSpan.FromHours(1);
        await world.QueryAsync(async db =>
        {
            var schedule = new ReminderSchedule(db);
            for (var i = 0; i < Reminders; i++)
            {
                schedule.Add(ReminderKind.PlannedContact, referralId, due, due);
            }

            return await db.SaveChangesAsync();
        });
        var before = Prompts(world);

        await world.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Equal(before + Reminders, Prompts(world));
        Assert.Equal(Reminders, await world.QueryAsync(db => db.Reminders.CountAsync(r => r.Kind == ReminderKind.PlannedContact && r.Status == ReminderStatus.Done)));
    }

    private static int Prompts(World world) =>
        world.CallsTo(world.Ap.PersonalConversationId).Count(c => c.Method == "POST" && CardQuery.HasVerb(c.Card!, CardVerbs.LogbookOpen));
}
