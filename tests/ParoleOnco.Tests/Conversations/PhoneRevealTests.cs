using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>The patient's phone: in the coordinators' channel only, while someone must reach the patient, every reading audited.</summary>
public abstract class PhoneRevealTests(Func<Task<TestDatabase>> database)
{
    [SkippableFact]
    public async Task A_coordinator_asking_for_the_phone_from_a_group_chat_gets_a_refusal_in_their_language_and_no_phone()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        var referralId = await world.SubmitReferralAsync(world.Clinician);

        var french = await AskPhoneAsync(world, world.Coordinator, referralId, new Where.GroupChat("19:group-chat@thread.v2"));
        var english = await AskPhoneAsync(world, world.SecondCoordinator, referralId, new Where.GroupChat("19:group-chat@thread.v2"));

        Assert.DoesNotContain("5550199", CardQuery.Json(french));
        Assert.Contains(CardTexts.Get("PhoneOnlyInCoordinatorChannel_Title", "fr-CA"), CardQuery.Text(french));
        Assert.Contains(CardTexts.Get("PhoneOnlyInCoordinatorChannel_Title", "en"), CardQuery.Text(english));
        Assert.Equal(0, await PhoneReadingsAsync(world));
        var refused = await world.QueryAsync(db => db.AuditEntries.Where(a => a.Outcome == AuditOutcomes.Refused).Select(a => new { a.Action, a.Place, a.Reason }).ToListAsync());
        Assert.Equal(2, refused.Count);
        Assert.All(refused, a => Assert.Equal((CardVerbs.ReferralPhone, AuditPlaces.GroupChat, Refusals.WrongPlace), (a.Action, a.Place, a.Reason)));
    }

    [SkippableFact]
    public async Task A_coordinator_asking_for_the_phone_from_another_channel_of_the_team_gets_no_phone()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        var referralId = await world.SubmitReferralAsync(world.Clinician);

        var card = await AskPhoneAsync(world, world.Coordinator, referralId, World.E1Channel with { ChannelId = "19:general-e1@thread.tacv2" });

        Assert.DoesNotContain("5550199", CardQuery.Json(card));
        Assert.Equal(0, await PhoneReadingsAsync(world));
    }

    [SkippableFact]
    public async Task A_coordinator_sees_the_phone_of_an_accompanied_referral_but_not_once_it_is_closed()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();

        var accompanied = await AskPhoneAsync(world, world.Coordinator, referralId, World.E1Channel);
        await world.Teams.ClickAsync(world.Ap, CardVerbs.AccompanimentClose,
            new JsonObject { ["referralId"] = referralId, ["outcome"] = "completed", ["satisfaction"] = "5" }, World.Personal, "list");
        var closed = await AskPhoneAsync(world, world.Coordinator, referralId, World.E1Channel);

        Assert.Contains("tel:+15145550199", CardQuery.Json(accompanied));
        Assert.DoesNotContain("5550199", CardQuery.Json(closed));
        Assert.Contains(CardTexts.Get("PhoneReferralClosed_Title", "fr-CA"), CardQuery.Text(closed));
        Assert.Equal(1, await PhoneReadingsAsync(world));
    }

    [SkippableFact]
    public async Task Clicking_accept_again_shows_the_phone_again_and_that_reading_is_audited()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        var before = await PhoneReadingsAsync(world);

        var again = await world.Teams.ClickAsync(world.Ap, CardVerbs.AssignmentAccept, new JsonObject { ["referralId"] = referralId }, World.Personal, "offer");

        Assert.Contains("tel:+15145550199", CardQuery.Json(again));
        var readings = await world.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "referral.phone.read").Select(a => a.ActorAadObjectId).ToListAsync());
        Assert.Equal(before + 1, readings.Count);
        Assert.Equal(world.Ap.AadObjectId, readings.Last());
    }

    private static Task<JsonNode> AskPhoneAsync(World world, TestUser who, string referralId, Where where) =>
        world.Teams.ClickAsync(who, CardVerbs.ReferralPhone, new JsonObject { ["referralId"] = referralId }, where, "card");

    private static Task<int> PhoneReadingsAsync(World world) =>
        world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "referral.phone.read"));
}

public sealed class PhoneRevealsOnSqlite() : PhoneRevealTests(Databases.Sqlite);

public sealed class PhoneRevealsOnPostgres() : PhoneRevealTests(Databases.Postgres);
