using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>An AP who blocked the bot is treated like one who removed it: paused, their offers back in the queue, coordinators told once.</summary>
public sealed class UnreachableApTests
{
    [Fact]
    public async Task An_AP_who_blocked_the_bot_is_paused_their_offers_go_back_to_the_queue_and_the_coordinators_are_told_once()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var first = await world.SubmitReferralAsync(world.Clinician);
        var secondForm = await world.ReferralFormAsync(world.OtherClinician);
        secondForm["patientCode"] = "CHUM-0043";
        var second = await world.SubmitReferralAsync(world.OtherClinician, secondForm);

        // Both offers wait in the outbox (Teams busy), then Teams answers that the AP blocked the bot.
        world.Connector.Faults = new ConnectorFaults(every: 1, ConnectorFault.Unavailable) { OnlyIn = world.Ap.PersonalConversationId };
        foreach (var referralId in new[] { first, second })
        {
            await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "c");
        }

        world.Connector.Faults = new ConnectorFaults(every: 1, ConnectorFault.Blocked) { OnlyIn = world.Ap.PersonalConversationId };
        world.Connector.Clear();
        await world.DeliverAllAsync();

        var ap = await world.QueryAsync(db => db.AccompanyingPatients.SingleAsync(a => a.Id == Guid.Parse(apId)));
        Assert.True(ap.Paused);
        Assert.Equal(PauseReason.Unreachable, ap.PauseReason);
        var referrals = await world.QueryAsync(db => db.Referrals.AsNoTracking().ToListAsync());
        Assert.All(referrals, r => Assert.Equal((ReferralStatus.Submitted, (Guid?)null), (r.Status, r.ApId)));
        var offers = await world.QueryAsync(db => db.Assignments.AsNoTracking().ToListAsync());
        Assert.All(offers, a => Assert.Equal(AssignmentStatus.Withdrawn, a.Status));
        var audit = await world.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.ActorAadObjectId == AuditTrail.BotActor).Select(e => e.Action).ToListAsync());
        Assert.Equal(["ap.unreachable", "assignment.withdrawn", "assignment.withdrawn"], audit.Order());

        var notices = world.CallsTo(World.E1Channel.ChannelId)
            .Where(c => c.Method == "POST" && CardQuery.Text(c.Card!).Contains(CardTexts.Get("ApUnreachable_Title", "fr-CA"))).ToList();
        var notice = CardQuery.Text(Assert.Single(notices).Card!);
        Assert.Contains(world.Ap.Name, notice);
        Assert.Contains(ReferralPresenter.Number(Guid.Parse(first)), notice);
        Assert.Contains(ReferralPresenter.Number(Guid.Parse(second)), notice);
        Assert.DoesNotContain(world.CallsTo(World.E1Channel.ChannelId), c => CardQuery.Text(c.Card!).Contains(CardTexts.Get("DeliveryFailed_Title", "fr-CA")));

        // The AP's card in the channel says why they are paused; the referral cards wait for a match again.
        Assert.Contains(world.CallsTo(World.E1Channel.ChannelId), c => c.Method == "PUT" && CardQuery.Text(c.Card!).Contains(CardTexts.Get("PauseReason_unreachable", "fr-CA")));
        var firstCard = world.CallsTo(World.E1Channel.ChannelId).Last(c => CardQuery.ActionData(c.Card!, CardVerbs.ReferralDecline)?["referralId"]?.GetValue<string>() == first);
        Assert.Equal("PUT", firstCard.Method);
    }

    [Fact]
    public async Task An_AP_paused_because_they_cannot_be_reached_is_no_longer_offered_patients()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var first = await world.SubmitReferralAsync(world.Clinician);
        world.Connector.Faults = new ConnectorFaults(every: 1, ConnectorFault.Blocked) { OnlyIn = world.Ap.PersonalConversationId };
        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = first, ["apId"] = apId }, World.E1Channel, "c");
        await world.DeliverAllAsync();

        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = first, ["apId"] = apId }, World.E1Channel, "c");

        var referral = await world.QueryAsync(db => db.Referrals.AsNoTracking().SingleAsync());
        Assert.Equal(ReferralStatus.Submitted, referral.Status);
        Assert.Equal(1, await world.QueryAsync(db => db.Assignments.CountAsync()));
    }
}
