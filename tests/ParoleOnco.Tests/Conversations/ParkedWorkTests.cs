using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// A message or a reminder that fails on the bot's side every time is parked after a bounded number of tries: it no
/// longer comes back, /healthz says Degraded, and admins can list it.
/// </summary>
public sealed class ParkedWorkTests
{
    private const int MaxFailures = 5; // DeliveryOptions' default

    [Fact]
    public async Task A_card_that_cannot_be_read_is_parked_after_five_failures_and_shown_to_admins()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        var id = await world.QueryAsync(async db =>
        {
            var message = new OutboxMessage
            {
                RecipientKind = RecipientKind.Person, RecipientId = world.Clinician.AadObjectId, Key = "poison/1",
                ProtectedCard = "not a protected card", CreatedAt = world.Clock.GetUtcNow(), NextAttemptAt = world.Clock.GetUtcNow(),
            };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

        await world.AdvanceAsync(TimeSpan.FromHours(1)); // past every retry delay, one failure at a time
        for (var i = 0; i < MaxFailures; i++)
        {
            await world.AdvanceAsync(TimeSpan.FromHours(1));
        }

        var parked = await world.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(OutboxStatus.Parked, parked.Status);
        Assert.Equal(MaxFailures, parked.Failures);
        Assert.StartsWith("CryptographicException", parked.LastError);
        Assert.Empty(world.CallsTo(world.Clinician.PersonalConversationId)); // Teams was never asked
        await AssertParkedIsShownAsync(world, "poison/1");
    }

    [Fact]
    public async Task A_reminder_that_always_throws_is_parked_after_five_failures_instead_of_coming_back_for_ever()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        var referralId = Guid.Parse(await world.AcceptedReferralAsync());

        // The AP the referral names is gone: firing throws every time (a state the reminder can no longer apply to).
        await world.QueryAsync(async db =>
        {
            new ReminderSchedule(db).Add(ReminderKind.PlannedContact, referralId, world.Clock.GetUtcNow(), world.Clock.GetUtcNow());
            await db.AccompanyingPatients.ExecuteDeleteAsync();
            return await db.SaveChangesAsync();
        });
        for (var i = 0; i < MaxFailures; i++)
        {
            await world.AdvanceAsync(TimeSpan.FromMinutes(6)); // the worker tries a failed reminder again 5 minutes later
        }

        var parked = await world.QueryAsync(db => db.Reminders.AsNoTracking().SingleAsync(r => r.Status == ReminderStatus.Parked));
        Assert.Equal(ReminderStatus.Parked, parked.Status);
        Assert.Equal(MaxFailures, parked.Failures);
        Assert.StartsWith("InvalidOperationException", parked.LastError);
        await world.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal(MaxFailures, (await world.QueryAsync(db => db.Reminders.AsNoTracking().SingleAsync(r => r.Id == parked.Id))).Failures);
        await AssertParkedIsShownAsync(world, nameof(ReminderKind.PlannedContact));
    }

    [Fact]
    public async Task Parked_work_is_listed_to_admins_only()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);

        await world.Teams.SayAsync(world.Admin, "bloqués", World.Personal);
        Assert.Contains(CardTexts.Get("ParkedEmpty", "fr-CA"), CardQuery.Text(world.LastCallTo(world.Admin.PersonalConversationId).Card!));
        Assert.Equal("Healthy", await HealthAsync(world));

        await world.Teams.SayAsync(world.Coordinator, "parked", World.Personal);
        Assert.Contains(CardTexts.Get("NotAllowed_Title", "fr-CA"), CardQuery.Text(world.LastCallTo(world.Coordinator.PersonalConversationId).Card!));
    }

    private static async Task AssertParkedIsShownAsync(World world, string reference)
    {
        Assert.Equal("Degraded", await HealthAsync(world));
        await world.Teams.SayAsync(world.Admin, "parked", World.Personal);
        var list = CardQuery.Text(world.LastCallTo(world.Admin.PersonalConversationId).Card!);
        Assert.Contains(CardTexts.Get("ParkedTitle", "fr-CA"), list);
        Assert.Contains(reference, list);
    }

    private static async Task<string> HealthAsync(World world) => await world.CreateHttpClient().GetStringAsync("/healthz");
}
