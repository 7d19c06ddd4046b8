using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>Coordinators' decisions: exactly one, by a coordinator of the establishment, seen by everyone.</summary>
public abstract class DecisionTests(Func<Task<TestDatabase>> database)
{
    [SkippableFact]
    public async Task Approving_a_referral_twice_keeps_the_first_decision()
    {
        await using var world = await ReadyWorldAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var secondApId = await world.ApprovedApAsync(world.SecondAp, languages: "en");
        var referralId = await world.SubmitReferralAsync(world.Clinician);

        await Approve(world, world.Coordinator, referralId, apId);
        var second = await Approve(world, world.SecondCoordinator, referralId, secondApId);

        Assert.Contains(world.Coordinator.Name, CardQuery.Text(second));
        var referral = await world.QueryAsync(db => db.Referrals.SingleAsync());
        Assert.Equal((ReferralStatus.Matched, Guid.Parse(apId)), (referral.Status, referral.ApId));
        Assert.DoesNotContain(world.CallsTo(world.SecondAp.PersonalConversationId), c => CardQuery.HasVerb(c.Card!, CardVerbs.AssignmentAccept));
    }

    [SkippableFact]
    public async Task Two_coordinators_approving_at_once_end_in_exactly_one_decision_and_both_see_who_won()
    {
        await using var world = await ReadyWorldAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var secondApId = await world.ApprovedApAsync(world.SecondAp, languages: "fr,en");
        var referralId = await world.SubmitReferralAsync(world.Clinician);

        // Several clicks each, so some read the referral open and find the AP taken after the winner committed.
        var cards = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => i % 2 == 0
            ? Approve(world, world.Coordinator, referralId, apId)
            : Approve(world, world.SecondCoordinator, referralId, secondApId)));

        var referral = await world.QueryAsync(db => db.Referrals.SingleAsync());
        var assignments = await world.QueryAsync(db => db.Assignments.CountAsync());
        Assert.Equal(ReferralStatus.Matched, referral.Status);
        Assert.Equal(1, assignments);
        Assert.All(cards, card => Assert.Contains(referral.DecidedByName!, CardQuery.Text(card)));
        Assert.All(cards, card => Assert.False(CardQuery.HasVerb(card, CardVerbs.ReferralApprove)));
    }

    [SkippableFact]
    public async Task Declining_tells_the_clinician_why()
    {
        await using var world = await ReadyWorldAsync();
        var referralId = await world.SubmitReferralAsync(world.Clinician);

        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralDecline,
            new JsonObject { ["referralId"] = referralId, ["reason"] = "Aucun PA disponible en oncogénétique" }, World.E1Channel, "card");

        var status = world.LastCallTo(world.Clinician.PersonalConversationId);
        Assert.Equal(("PUT", "referral-form"), (status.Method, status.ActivityId));
        Assert.Contains("Aucun PA disponible en oncogénétique", CardQuery.Text(status.Card!));
    }

    [SkippableFact]
    public async Task Approving_an_AP_who_filled_up_since_the_card_was_drawn_says_so_and_leaves_the_referral_open()
    {
        await using var world = await ReadyWorldAsync();
        var apId = await world.ApprovedApAsync(world.Ap, capacity: 1);
        var first = await world.SubmitReferralAsync(world.Clinician);
        var second = await world.SubmitReferralAsync(world.Clinician);
        await Approve(world, world.Coordinator, first, apId);

        var card = await Approve(world, world.SecondCoordinator, second, apId);

        Assert.Contains(CardTexts.Get("DecisionRefused_PickNoLongerOnOffer", "fr-CA"), CardQuery.Text(card));
        Assert.True(CardQuery.HasVerb(card, CardVerbs.ReferralDecline));
        var referral = await world.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == Guid.Parse(second)));
        Assert.Equal(ReferralStatus.Submitted, referral.Status);
    }

    [SkippableFact]
    public async Task Declining_with_a_blank_reason_says_one_is_needed_and_declines_nothing()
    {
        await using var world = await ReadyWorldAsync();
        var referralId = await world.SubmitReferralAsync(world.Clinician);

        var card = await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralDecline,
            new JsonObject { ["referralId"] = referralId, ["reason"] = "   " }, World.E1Channel, "card");

        Assert.Contains(CardTexts.Get("DecisionRefused_ReasonMissing", "fr-CA"), CardQuery.Text(card));
        Assert.Equal(ReferralStatus.Submitted, (await world.QueryAsync(db => db.Referrals.SingleAsync())).Status);
    }

    [SkippableFact]
    public async Task Only_coordinators_of_the_establishment_may_decide()
    {
        await using var world = await ReadyWorldAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);

        var refused = await Approve(world, world.Clinician, referralId, apId);

        Assert.False(CardQuery.HasVerb(refused, CardVerbs.ReferralApprove));
        Assert.Equal(ReferralStatus.Submitted, (await world.QueryAsync(db => db.Referrals.SingleAsync())).Status);
    }

    [SkippableFact]
    public async Task An_AP_who_declines_sends_the_referral_back_with_the_next_suggestions()
    {
        await using var world = await ReadyWorldAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var secondApId = await world.ApprovedApAsync(world.SecondAp, languages: "en");
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        await Approve(world, world.Coordinator, referralId, apId);
        var offer = world.LastCallTo(world.Ap.PersonalConversationId);

        await world.Teams.ClickAsync(world.Ap, CardVerbs.AssignmentDecline, new JsonObject { ["referralId"] = referralId }, World.Personal, offer.ActivityId!);

        var channelCard = world.LastCallTo(World.E1Channel.ChannelId).Card!;
        Assert.Equal([secondApId], CardQuery.Choices(channelCard, "apId").Keys);
        Assert.Equal(ReferralStatus.Submitted, (await world.QueryAsync(db => db.Referrals.SingleAsync())).Status);
    }

    [SkippableFact]
    public async Task Another_AP_cannot_answer_someone_elses_assignment()
    {
        await using var world = await ReadyWorldAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        await world.ApprovedApAsync(world.SecondAp);
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        await Approve(world, world.Coordinator, referralId, apId);

        var refused = await world.Teams.ClickAsync(world.SecondAp, CardVerbs.AssignmentAccept, new JsonObject { ["referralId"] = referralId }, World.Personal, "x");

        Assert.DoesNotContain("tel:", CardQuery.Json(refused));
        Assert.Equal(ReferralStatus.Matched, (await world.QueryAsync(db => db.Referrals.SingleAsync())).Status);
    }

    [SkippableFact]
    public async Task A_coordinator_sees_the_phone_only_on_request_and_the_reading_is_audited()
    {
        await using var world = await ReadyWorldAsync();
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        Assert.DoesNotContain("5550199", CardQuery.Json(world.LastCallTo(World.E1Channel.ChannelId).Card!));
        Assert.DoesNotContain("555-0199", CardQuery.Json(world.LastCallTo(World.E1Channel.ChannelId).Card!)); // as cards show it

        var revealed = await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralPhone, new JsonObject { ["referralId"] = referralId }, World.E1Channel, "card");
        var refused = await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralPhone, new JsonObject { ["referralId"] = referralId }, World.Personal, "card");

        Assert.Contains("tel:+15145550199", CardQuery.Json(revealed));
        Assert.DoesNotContain("5550199", CardQuery.Json(refused));
        Assert.DoesNotContain("555-0199", CardQuery.Json(refused)); // as cards show it
        Assert.DoesNotContain(world.CallsTo(World.E1Channel.ChannelId), c => CardQuery.Json(c.Card!).Contains("5550199"));
        var reads = await world.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "referral.phone.read").ToListAsync());
        Assert.Equal([world.Coordinator.AadObjectId], reads.Select(a => a.ActorAadObjectId));
    }

    [SkippableFact]
    public async Task Teams_refreshing_a_card_shows_it_as_it_is_now_and_is_not_recorded_as_a_reading()
    {
        await using var world = await ReadyWorldAsync();
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        var before = await world.QueryAsync(db => db.AuditEntries.CountAsync());

        var refreshed = await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralRefresh, new JsonObject { ["referralId"] = referralId }, World.E1Channel, "card");

        Assert.True(CardQuery.HasVerb(refreshed, CardVerbs.ReferralDecline)); // still open: no AP to suggest yet
        Assert.Equal(before, await world.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    private async Task<World> ReadyWorldAsync()
    {
        var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        return world;
    }

    private static Task<JsonNode> Approve(World world, Harness.TestUser who, string referralId, string apId) =>
        world.Teams.ClickAsync(who, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "referral-card");
}

public sealed class DecisionsOnSqlite() : DecisionTests(Databases.Sqlite);

public sealed class DecisionsOnPostgres() : DecisionTests(Databases.Postgres);
