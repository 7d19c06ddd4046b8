using System.Text.Json.Nodes;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>The referral loop, played end to end through /api/messages as Teams clients would.</summary>
public abstract class ReferralJourneyTests(Func<Task<TestDatabase>> database)
{
    [SkippableTheory]
    [InlineData("fr-CA")]
    [InlineData("en-US")]
    public async Task A_clinician_refers_the_coordinators_match_and_the_AP_accepts(string locale)
    {
        await using var world = await World.StartAsync(database, locale);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);

        var referralId = await world.SubmitReferralAsync(world.Clinician);

        var channelCard = world.LastCallTo(World.E1Channel.ChannelId).Card!;
        Assert.Contains("CHUM-0042", CardQuery.Text(channelCard));
        Assert.DoesNotContain("5550199", CardQuery.Json(channelCard));
        Assert.DoesNotContain("555-0199", CardQuery.Json(channelCard));
        Assert.DoesNotContain("après-midi", CardQuery.Json(channelCard));
        Assert.Contains(apId, CardQuery.Choices(channelCard, "apId").Keys);

        var decided = await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove,
            new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "referral-card");
        Assert.False(CardQuery.HasVerb(decided, CardVerbs.ReferralApprove));
        Assert.Contains(world.Coordinator.Name, CardQuery.Text(decided));

        var offer = world.LastCallTo(world.Ap.PersonalConversationId);
        Assert.Equal("POST", offer.Method);
        Assert.Contains("tel:+15145550199", CardQuery.Json(offer.Card!));
        Assert.Contains("514 555-0199", CardQuery.Text(offer.Card!)); // as people write it; dialled as stored
        Assert.True(CardQuery.HasVerb(offer.Card!, CardVerbs.AssignmentAccept));

        var accepted = await world.Teams.ClickAsync(world.Ap, CardVerbs.AssignmentAccept,
            new JsonObject { ["referralId"] = referralId }, World.Personal, offer.ActivityId!);
        Assert.False(CardQuery.HasVerb(accepted, CardVerbs.AssignmentAccept));

        var status = world.LastCallTo(world.Clinician.PersonalConversationId);
        Assert.Equal(("PUT", "referral-form"), (status.Method, status.ActivityId));
        Assert.Contains(world.Ap.Name, CardQuery.Text(status.Card!));
    }
}

public sealed class ReferralJourneyOnSqlite() : ReferralJourneyTests(Databases.Sqlite);

public sealed class ReferralJourneyOnPostgres() : ReferralJourneyTests(Databases.Postgres);
