using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Tests.Conversations.Harness;
using Xunit.Abstractions;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// A bot process killed (SIGKILL) while a card it committed is claimed and being sent loses nothing: the card is
/// delivered once, by another instance or by the process started again, within seconds, not after a long claim.
/// Claims are the shipped ones (<c>Delivery:ClaimFor</c> is not shortened here).
/// </summary>
public sealed class ProcessRestartTests(ITestOutputHelper output)
{
    /// <summary>What the program promises for a dead instance's messages (issue: "within 30 s of any instance being up").</summary>
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["ParoleOnco:Admins:0"] = ProcessJourney.Admin.AadObjectId,
        ["Delivery:MaxAttempts"] = "1000",
    };

    [Fact]
    public async Task A_card_claimed_when_the_process_dies_is_delivered_once_soon_after_a_restart()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var connector = await ConnectorRecorder.StartAsync();
        connector.SetRoster(World.E1Channel.TeamId, ProcessJourney.Admin);
        var first = await BotProcess.StartAsync(database, Settings);

        await SubmitWhileTheChannelIsUnavailableAsync(first, connector, database);
        await first.KillAsync();
        connector.Faults = null;
        Assert.DoesNotContain(connector.Calls, ProcessJourney.ReferralCardPosted);

        await using var second = await BotProcess.StartAsync(database, Settings);
        var up = DateTimeOffset.UtcNow;
        await ProcessJourney.WaitUntilAsync(() => Task.FromResult(connector.Calls.Any(ProcessJourney.ReferralCardPosted)), Promised);
        await DeliveredAsync(database);

        AssertDeliveredOnceWithinPromise(connector, up, "the restarted process was up");
    }

    [SkippableFact]
    public async Task A_card_claimed_by_an_instance_that_dies_is_delivered_once_by_the_other_instance_soon_after()
    {
        await using var database = await Databases.Postgres();
        await using var connector = await ConnectorRecorder.StartAsync();
        connector.SetRoster(World.E1Channel.TeamId, ProcessJourney.Admin);
        await using var first = await BotProcess.StartAsync(database, Settings);
        await using var second = await BotProcess.StartAsync(database, Settings);

        var holder = await SubmitWhileTheChannelIsUnavailableAsync(first, connector, database);
        var (dying, surviving) = holder.Contains($"/{first.Id}/") ? (first, second) : (second, first);
        await dying.KillAsync();
        var killed = DateTimeOffset.UtcNow;
        connector.Faults = null;
        await ProcessJourney.WaitUntilAsync(() => Task.FromResult(connector.Calls.Any(ProcessJourney.ReferralCardPosted)), Promised);
        await DeliveredAsync(database);

        AssertDeliveredOnceWithinPromise(connector, killed, "the holder was killed");
        var message = await ChannelMessageAsync(database);
        Assert.Contains($"/{surviving.Id}/", message.ClaimedBy);
    }

    /// <summary>
    /// Submits the referral through <paramref name="bot"/> while the channel answers 503, and waits until an instance
    /// holds the channel card's claim and has tried it; returns the claim holder's name.
    /// </summary>
    private static async Task<string> SubmitWhileTheChannelIsUnavailableAsync(BotProcess bot, ConnectorRecorder connector, TestDatabase database)
    {
        var teams = new TeamsClient(new HttpClient { BaseAddress = bot.Address }, connector.ServiceUrl, () => Task.CompletedTask);
        var form = await ProcessJourney.FilledReferralFormAsync(teams, connector);
        connector.Faults = new ConnectorFaults(every: 1, ConnectorFault.Unavailable) { OnlyIn = World.E1Channel.ChannelId };
        await teams.ClickAsync(ProcessJourney.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");
        await ProcessJourney.WaitUntilAsync(() => Task.FromResult(connector.Faults.Injected.Count > 0));
        var claimed = await ChannelMessageAsync(database);
        Assert.Equal(OutboxStatus.Pending, claimed.Status);
        return claimed.ClaimedBy ?? throw new Xunit.Sdk.XunitException("The channel card is not claimed while it is being sent.");
    }

    private void AssertDeliveredOnceWithinPromise(ConnectorRecorder connector, DateTimeOffset from, string since)
    {
        var post = Assert.Single(connector.Calls, ProcessJourney.ReferralCardPosted);
        var took = post.At - from;
        output.WriteLine($"Delivered {took.TotalSeconds:F1} s after {since}.");
        Assert.True(took < Promised, $"Delivered {took.TotalSeconds:F1} s after {since}; the promise is {Promised.TotalSeconds} s.");
    }

    /// <summary>Waits for the outbox to have recorded the channel card's outcome: a second post would have come before it.</summary>
    private static Task DeliveredAsync(TestDatabase database) =>
        ProcessJourney.WaitUntilAsync(async () => (await ChannelMessageAsync(database)).Status == OutboxStatus.Delivered);

    private static async Task<OutboxMessage> ChannelMessageAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.RecipientKind == RecipientKind.Coordinators);
    }
}
