using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Infrastructure;

namespace ParoleOnco.Tests.Conversations.Harness;

/// <summary>
/// The referral journey up to the submit, played against a real bot process (<see cref="BotProcess"/>), for the
/// tests that kill it: E1's channel set up by the admin, and a clinician's referral form filled in, ready to send.
/// </summary>
public static class ProcessJourney
{
    public static readonly TestUser Admin = TestUser.Create("Anne Admin", "fr-CA", 1);
    public static readonly TestUser Clinician = TestUser.Create("Dre Hélène Oncologue", "fr-CA", 4);

    /// <summary>Sets up E1's channel and returns the clinician's referral form, filled in.</summary>
    public static async Task<JsonObject> FilledReferralFormAsync(TeamsClient teams, ConnectorRecorder connector)
    {
        await teams.SayAsync(Admin, "setup", World.E1Channel);
        await teams.ClickAsync(Admin, CardVerbs.SetupCoordinatorChannel, new JsonObject { ["establishmentId"] = "E1" }, World.E1Channel, "setup");
        await teams.SayAsync(Clinician, "refer", World.Personal);
        return World.Fill(CardQuery.ActionData(connector.Calls.Last(c => c.ConversationId == Clinician.PersonalConversationId).Card!, CardVerbs.ReferralSubmit)!);
    }

    /// <summary>The post of that referral's card in E1's channel.</summary>
    public static bool ReferralCardPosted(ConnectorCall call) =>
        call.ConversationId == World.E1Channel.ChannelId && call.Method == "POST" && CardQuery.Text(call.Card!).Contains("CHUM-0042");

    /// <summary>The outbox's pending messages, read from outside the bot process.</summary>
    public static async Task<List<OutboxMessage>> PendingAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending).ToListAsync();
    }

    /// <summary>Waits (30 s at most, unless told) for what the bot process does on its own.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? atMost = null)
    {
        var deadline = DateTime.UtcNow + (atMost ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The expected state never came.");
            await Task.Delay(100);
        }
    }
}
