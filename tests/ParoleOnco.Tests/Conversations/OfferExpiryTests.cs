using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>An offer does not wait for ever: unanswered after <c>Matching:OfferExpiresAfter</c> (2 days), the patient goes back to the queue.</summary>
public abstract class OfferExpiryTests(Func<Task<TestDatabase>> database)
{
    private static readonly TimeSpan ExpiresAfter = TimeSpan.FromDays(2);

    [SkippableFact]
    public async Task An_offer_not_answered_in_time_goes_back_to_the_queue_and_every_card_says_so()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await OfferedAsync(world);
        world.Connector.Clear();

        await world.AdvanceAsync(ExpiresAfter + TimeSpan.FromMinutes(1));
        await world.DeliverAllAsync(); // a send put off on a slow machine is retried on the test clock

        var referral = await world.QueryAsync(db => db.Referrals.AsNoTracking().SingleAsync());
        Assert.Equal((ReferralStatus.Submitted, (Guid?)null), (referral.Status, referral.ApId));
        Assert.Equal(AssignmentStatus.Expired, (await world.QueryAsync(db => db.Assignments.AsNoTracking().SingleAsync())).Status);
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "assignment.expired" && e.ActorAadObjectId == AuditTrail.BotActor)));

        var channel = Assert.Single(world.CallsTo(World.E1Channel.ChannelId), c => c.Method == "PUT");
        Assert.Contains(string.Format(CardTexts.Get("OfferNotAnswered", "fr-CA"), world.Ap.Name), CardQuery.Text(channel.Card!));
        Assert.True(CardQuery.HasVerb(channel.Card!, CardVerbs.ReferralDecline), "The card waits for a decision again.");
        var offer = Assert.Single(world.CallsTo(world.Ap.PersonalConversationId), c => c.Method == "PUT");
        Assert.False(CardQuery.HasVerb(offer.Card!, CardVerbs.AssignmentAccept));
        Assert.DoesNotContain("tel:", CardQuery.Json(offer.Card!));
        Assert.Contains(CardTexts.Get("AssignmentStatus_expired", "fr-CA"), CardQuery.Text(offer.Card!));
        Assert.Single(world.CallsTo(world.Clinician.PersonalConversationId), c => c.Method == "PUT");

        var late = await world.Teams.ClickAsync(world.Ap, CardVerbs.AssignmentAccept, new JsonObject { ["referralId"] = referralId }, World.Personal, offer.ActivityId!);
        Assert.False(CardQuery.HasVerb(late, CardVerbs.AssignmentAccept));
        Assert.Equal(ReferralStatus.Submitted, (await world.QueryAsync(db => db.Referrals.AsNoTracking().SingleAsync())).Status);

        // No longer theirs: the patient is not among the AP's patients.
        await world.Teams.SayAsync(world.Ap, "patients", World.Personal);
        Assert.DoesNotContain("CHUM-0042", CardQuery.Text(world.LastCallTo(world.Ap.PersonalConversationId).Card!));
    }

    [SkippableFact]
    public async Task An_offer_answered_in_time_does_not_expire()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await OfferedAsync(world);
        await world.AdvanceAsync(ExpiresAfter - TimeSpan.FromMinutes(1));
        await world.Teams.ClickAsync(world.Ap, CardVerbs.AssignmentAccept, new JsonObject { ["referralId"] = referralId }, World.Personal, "offer");

        await world.AdvanceAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(ReferralStatus.Accepted, (await world.QueryAsync(db => db.Referrals.AsNoTracking().SingleAsync())).Status);
        Assert.Equal(AssignmentStatus.Accepted, (await world.QueryAsync(db => db.Assignments.AsNoTracking().SingleAsync())).Status);
    }

    private static async Task<string> OfferedAsync(World world)
    {
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "card");
        return referralId;
    }
}

public sealed class OfferExpiryOnSqlite() : OfferExpiryTests(Databases.Sqlite);

public sealed class OfferExpiryOnPostgres() : OfferExpiryTests(Databases.Postgres);
