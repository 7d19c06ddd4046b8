using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Benchmarks.Hosting;
using ParoleOnco.Benchmarks.Load;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Benchmarks.Scenario;

/// <summary>
/// The program as the measured verbs need it, set up through real activities as in the conversation tests' World:
/// E1's coordinators' channel bound by an admin, approved APs, and clinicians who opened the referral form once.
/// Cards for other people leave through the bot's outbox at Teams' pace, so ids come from the bot's database.
/// </summary>
public sealed class ReferralWorld(BotHost host, BotClient bot, RecordingConnector connector, TeamsActivities activities, int maxUsers)
{
    public static readonly Where.Channel E1Channel = new("19:team-e1@thread.tacv2", "19:coordination-e1@thread.tacv2");
    public static readonly Where Personal = new Where.Personal();

    public TestUser Admin { get; } = TestUser.Create("Anne Admin", "fr-CA", 1);
    public IReadOnlyList<TestUser> Coordinators { get; } = [.. Enumerable.Range(0, maxUsers).Select(i => TestUser.Create($"Coordination {i}", "fr-CA", 100 + i))];
    public IReadOnlyList<TestUser> Clinicians { get; } = [.. Enumerable.Range(0, maxUsers).Select(i => TestUser.Create($"Dre Clinicienne {i}", "fr-CA", 200 + i))];
    public IReadOnlyList<ApGroup> Groups { get; private set; } = [];

    /// <summary>The data of the referral form's submit button, as the bot drew it.</summary>
    public JsonObject FormData { get; private set; } = [];

    public async Task SetUpAsync(int groupCount)
    {
        connector.SetRoster(E1Channel.TeamId, [Admin, .. Coordinators]);
        await SayAsync(Admin, "setup", E1Channel);
        await ClickAsync(Admin, CardVerbs.SetupCoordinatorChannel, new JsonObject { ["establishmentId"] = "E1" }, E1Channel, "setup-card");

        var groups = new List<ApGroup>();
        for (var g = 0; g < groupCount; g++)
        {
            var profile = ApGroup.ProfileOf(g);
            var apIds = new List<string>();
            for (var k = 0; k < ApGroup.Size; k++)
            {
                apIds.Add(await ApprovedApAsync(TestUser.Create($"PA {g:D2}-{k}", "fr-CA", 1000 + g * ApGroup.Size + k), profile));
            }

            groups.Add(new ApGroup(g, profile, apIds));
        }

        Groups = groups;
        foreach (var clinician in Clinicians)
        {
            await SayAsync(clinician, "refer", Personal);
        }

        FormData = CardQuery.ActionData(LastCard(Clinicians[0].PersonalConversationId), CardVerbs.ReferralSubmit)
            ?? throw new InvalidOperationException("The referral form has no submit button.");
        connector.Clear();
    }

    private async Task<string> ApprovedApAsync(TestUser ap, ApProfile profile)
    {
        await SayAsync(ap, "join", Personal);
        var data = CardQuery.ActionData(LastCard(ap.PersonalConversationId), CardVerbs.ApRegister)
            ?? throw new InvalidOperationException("The AP registration form has no submit button.");
        data["establishmentId"] = "E1";
        data["languages"] = profile.Language;
        data["cancerTypes"] = profile.CancerType;
        data["ageBand"] = profile.AgeBand;
        data["modalities"] = "phone,video";
        data["capacity"] = ApGroup.Capacity.ToString();
        await ClickAsync(ap, CardVerbs.ApRegister, data, Personal, "join-form");

        // The coordinators' approval card is on its way through the outbox; its apId is the AP's id.
        var apId = await host.QueryAsync(db => db.AccompanyingPatients.Where(a => a.AadObjectId == ap.AadObjectId).Select(a => a.Id).SingleAsync());
        await ClickAsync(Coordinators[0], CardVerbs.ApApprove, new JsonObject { ["apId"] = apId.ToString() }, E1Channel, "approval-card");
        return apId.ToString();
    }

    private Task SayAsync(TestUser user, string text, Where where) =>
        bot.PostOrThrowAsync(activities.Message(user, text, where), invoke: false);

    private Task ClickAsync(TestUser user, string verb, JsonObject data, Where where, string clickedMessageId) =>
        bot.PostOrThrowAsync(activities.Invoke(user, verb, data, where, clickedMessageId), invoke: true);

    // A command's answer is the turn's own reply, sent before the turn ends.
    private JsonNode LastCard(string conversationId) =>
        connector.Calls.LastOrDefault(c => c.ConversationId == conversationId && c.Method == "POST") is { } call
            ? CardJson.CardOf(call.Body) ?? throw new InvalidOperationException($"The bot's last message to {conversationId} has no card.")
            : throw new InvalidOperationException($"The bot sent nothing to {conversationId}.");
}
