using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// An activity without <c>aadObjectId</c> names nobody the program knows: the sender gets help and holds no role, even
/// when their Teams id happens to equal someone's Entra object id.
/// </summary>
public abstract class UnidentifiedCallerTests(Func<Task<TestDatabase>> database)
{
    [SkippableFact]
    public async Task A_person_without_an_Entra_id_gets_help_only_in_their_chat_and_nothing_is_saved()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        var stranger = Stranger(posingAs: world.Admin);
        var before = await SavedAsync(world);

        await SendAsync(world, Payloads(world).Message(stranger, "refer", World.Personal));
        var answer = await InvokeAsync(world, Payloads(world).Invoke(
            stranger, CardVerbs.ReferralSubmit, World.Fill(new JsonObject { ["formId"] = "form-stranger" }), World.Personal, "referral-form"));

        var help = CardTexts.Get("HelpIntro_Unidentified", "fr-CA");
        Assert.Contains(help, CardQuery.Text(Assert.Single(world.CallsTo(stranger.PersonalConversationId)).Card!));
        Assert.Contains(help, CardQuery.Text(answer));
        Assert.False(CardQuery.HasVerb(answer, CardVerbs.ReferralSubmit));
        Assert.Equal(before, await SavedAsync(world));
    }

    [SkippableFact]
    public async Task A_person_without_an_Entra_id_gets_help_only_in_the_coordinators_channel_and_decides_nothing()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        var stranger = Stranger(posingAs: world.Coordinator);
        var before = await SavedAsync(world);
        world.Connector.Clear();

        await SendAsync(world, Payloads(world).Message(stranger, "queue", World.E1Channel));
        var answer = await InvokeAsync(world, Payloads(world).Invoke(
            stranger, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "card"));

        var help = CardTexts.Get("HelpIntro_Unidentified", "fr-CA");
        Assert.Contains(help, CardQuery.Text(Assert.Single(world.CallsTo(World.E1Channel.ThreadId)).Card!));
        Assert.Contains(help, CardQuery.Text(answer));
        Assert.Equal(ReferralStatus.Submitted, await world.QueryAsync(db => db.Referrals.Select(r => r.Status).SingleAsync()));
        Assert.Equal(before, await SavedAsync(world));
    }

    // The old fallback took the Teams id for an Entra object id: posing as someone was a matter of that id.
    private static TestUser Stranger(TestUser posingAs) => new("Invité", AadObjectId: "", TeamsId: posingAs.AadObjectId, "fr-CA");

    private static TeamsPayloads Payloads(World world) =>
        new(Path.Combine(AppContext.BaseDirectory, "Conversations", "Payloads"), world.Connector.ServiceUrl);

    private static JsonNode WithoutEntraId(JsonNode activity)
    {
        activity["from"]!.AsObject().Remove("aadObjectId");
        return activity;
    }

    private static async Task SendAsync(World world, JsonNode activity)
    {
        using var http = world.CreateHttpClient();
        (await http.PostAsJsonAsync("/api/messages", WithoutEntraId(activity))).EnsureSuccessStatusCode();
        await world.SettleAsync();
    }

    private static async Task<JsonNode> InvokeAsync(World world, JsonNode activity)
    {
        using var http = world.CreateHttpClient();
        var response = await http.PostAsJsonAsync("/api/messages", WithoutEntraId(activity));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonNode>();
        await world.SettleAsync();
        return body!["value"]!;
    }

    /// <summary>How many rows of each kind the bot keeps: a stranger's turns must change none.</summary>
    private static Task<string> SavedAsync(World world) => world.QueryAsync(async db => string.Join(", ",
        $"referrals {await db.Referrals.CountAsync()}",
        $"APs {await db.AccompanyingPatients.CountAsync()}",
        $"assignments {await db.Assignments.CountAsync()}",
        $"channels {await db.CoordinatorChannels.CountAsync()}",
        $"audit {await db.AuditEntries.CountAsync()}",
        $"conversations {await db.Conversations.CountAsync()}",
        $"outbox {await db.OutboxMessages.CountAsync()}",
        $"reminders {await db.Reminders.CountAsync()}"));
}

public sealed class UnidentifiedCallerOnSqlite() : UnidentifiedCallerTests(Databases.Sqlite);

public sealed class UnidentifiedCallerOnPostgres() : UnidentifiedCallerTests(Databases.Postgres);
