using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Infrastructure;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>A bot process killed after committing a change but before delivering its cards loses nothing.</summary>
public sealed class ProcessRestartTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["ParoleOnco:Admins:0"] = World.AdminAadObjectId,
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
        var admin = TestUser.Create("Anne Admin", "fr-CA", 1);
        var clinician = TestUser.Create("Dre Hélène Oncologue", "fr-CA", 4);
        connector.SetRoster(World.E1Channel.TeamId, admin);

        var first = await BotProcess.StartAsync(database, Settings);
        var teams = new TeamsClient(new HttpClient { BaseAddress = first.Address }, connector.ServiceUrl, () => Task.CompletedTask);
        await teams.SayAsync(admin, "setup", World.E1Channel);
        await teams.ClickAsync(admin, CardVerbs.SetupCoordinatorChannel, new JsonObject { ["establishmentId"] = "E1" }, World.E1Channel, "setup");
        await teams.SayAsync(clinician, "refer", World.Personal);
        var form = CardQuery.ActionData(connector.Calls.Last(c => c.ConversationId == clinician.PersonalConversationId).Card!, CardVerbs.ReferralSubmit)!;
        Fill(form);

        connector.Faults = new ConnectorFaults(every: 1, ConnectorFault.Unavailable);
        await teams.ClickAsync(clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");
        await WaitUntilAsync(async () => await PendingAttemptsAsync(database) > 0);
        await first.KillAsync();
        connector.Faults = null;
        Assert.DoesNotContain(connector.Calls, ReferralCardInChannel);

        await using var second = await BotProcess.StartAsync(database, Settings);
        await WaitUntilAsync(() => Task.FromResult(connector.Calls.Any(ReferralCardInChannel)));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Single(connector.Calls, ReferralCardInChannel);
    }

    private static bool ReferralCardInChannel(ConnectorCall call) =>
        call.ConversationId == World.E1Channel.ChannelId && call.Method == "POST" && CardQuery.Text(call.Card!).Contains("CHUM-0042");

    private static async Task<int> PendingAttemptsAsync(TestDatabase database)
    {
        await using var db = new SqliteParoleOncoDbContext(
            new DbContextOptionsBuilder<SqliteParoleOncoDbContext>().UseSqlite(database.ConnectionString).Options);
        return await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending).SumAsync(m => m.Attempts);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The expected state never came.");
            await Task.Delay(100);
        }
    }

    private static void Fill(JsonObject form)
    {
        form["patientCode"] = "CHUM-0042";
        form["consent"] = "true";
        form["establishmentId"] = "E1";
        form["cancerType"] = "breast";
        form["ageBand"] = "45-54";
        form["language"] = "fr";
        form["modality"] = "phone";
        form["needs"] = "emotional";
        form["phone"] = "514 555-0199";
    }
}
