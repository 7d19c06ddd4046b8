using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>A bot process killed after committing a change but before delivering its cards loses nothing.</summary>
public sealed class ProcessRestartTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["ParoleOnco:Admins:0"] = ProcessJourney.Admin.AadObjectId,
        ["Delivery:PollInterval"] = "00:00:00.1",
        ["Delivery:QuickRetries"] = "1",
        ["Delivery:FirstRetryDelay"] = "00:00:00.2",
        ["Delivery:RescheduleDelay"] = "00:00:00.5",
        ["Delivery:MaxAttempts"] = "1000",
        ["Delivery:ClaimFor"] = "00:00:02",
    };

    [Fact]
    public async Task A_card_committed_but_not_delivered_when_the_process_dies_is_delivered_once_after_a_restart()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var connector = await ConnectorRecorder.StartAsync();
        connector.SetRoster(World.E1Channel.TeamId, ProcessJourney.Admin);

        var first = await BotProcess.StartAsync(database, Settings);
        var teams = new TeamsClient(new HttpClient { BaseAddress = first.Address }, connector.ServiceUrl, () => Task.CompletedTask);
        var form = await ProcessJourney.FilledReferralFormAsync(teams, connector);

        connector.Faults = new ConnectorFaults(every: 1, ConnectorFault.Unavailable);
        await teams.ClickAsync(ProcessJourney.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");
        await ProcessJourney.WaitUntilAsync(async () => (await ProcessJourney.PendingAsync(database)).Sum(m => m.Attempts) > 0);
        await first.KillAsync();
        connector.Faults = null;
        Assert.DoesNotContain(connector.Calls, ProcessJourney.ReferralCardPosted);

        await using var second = await BotProcess.StartAsync(database, Settings);
        await ProcessJourney.WaitUntilAsync(() => Task.FromResult(connector.Calls.Any(ProcessJourney.ReferralCardPosted)));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Single(connector.Calls, ProcessJourney.ReferralCardPosted);
    }
}
