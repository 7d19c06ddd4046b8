using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// Offers expire in a running bot on the real clock, not only under a test's clock: with <c>Matching:OfferExpiresAfter</c>
/// set to a few seconds, an unanswered offer goes back to the queue and every card follows, by itself.
/// </summary>
public sealed class OfferExpiryProcessTests
{
    private static readonly TimeSpan ExpiresAfter = TimeSpan.FromSeconds(3);

    /// <summary>Far above the few seconds, so a slow machine waits longer but does not fail.</summary>
    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task An_offer_not_answered_within_a_few_seconds_expires_in_a_running_bot_and_a_late_accept_is_refused()
    {
        await using var world = await World.StartOnTheRealClockAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        await world.StopBotAsync();
        world.Connector.Clear();

        await using var bot = await BotProcess.StartAsync(world.Database, new Dictionary<string, string>
        {
            ["Matching:OfferExpiresAfter"] = ExpiresAfter.ToString(),
            ["Delivery:PollInterval"] = "00:00:00.2",
        });
        var teams = new TeamsClient(new HttpClient { BaseAddress = bot.Address }, world.Connector.ServiceUrl, () => Task.CompletedTask);
        await teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "card");

        await ProcessJourney.WaitUntilAsync(() => Task.FromResult(ExpiredOffer(world) is not null && WaitingAgain(world) && ClinicianFollowed(world)), AtMost);

        await using (var db = world.Database.Context())
        {
            Assert.Equal(ReferralStatus.Submitted, (await db.Referrals.AsNoTracking().SingleAsync()).Status);
            Assert.Equal(AssignmentStatus.Expired, (await db.Assignments.AsNoTracking().SingleAsync()).Status);
        }

        var late = await teams.ClickAsync(world.Ap, CardVerbs.AssignmentAccept, new JsonObject { ["referralId"] = referralId }, World.Personal, ExpiredOffer(world)!.ActivityId!);
        Assert.False(CardQuery.HasVerb(late, CardVerbs.AssignmentAccept));
        Assert.Contains(CardTexts.Get("AssignmentStatus_expired", "fr-CA"), CardQuery.Text(late));
        await using (var db = world.Database.Context())
        {
            Assert.Equal(ReferralStatus.Submitted, (await db.Referrals.AsNoTracking().SingleAsync()).Status);
        }
    }

    /// <summary>The AP's offer, updated in place to say it expired, with no Accept.</summary>
    private static ConnectorCall? ExpiredOffer(World world) => world.CallsTo(world.Ap.PersonalConversationId).LastOrDefault(c =>
        c.Method == "PUT"
        && CardQuery.Text(c.Card!).Contains(CardTexts.Get("AssignmentStatus_expired", "fr-CA"))
        && !CardQuery.HasVerb(c.Card!, CardVerbs.AssignmentAccept));

    /// <summary>The channel card, in place, waiting for a match again and saying who did not answer.</summary>
    private static bool WaitingAgain(World world) => world.CallsTo(World.E1Channel.ChannelId).Any(c =>
        c.Method == "PUT"
        && CardQuery.Text(c.Card!).Contains(string.Format(CardTexts.Get("OfferNotAnswered", "fr-CA"), world.Ap.Name))
        && CardQuery.HasVerb(c.Card!, CardVerbs.ReferralDecline));

    /// <summary>The clinician's status card went to matched, then back to waiting for a match.</summary>
    private static bool ClinicianFollowed(World world)
    {
        var statuses = world.CallsTo(world.Clinician.PersonalConversationId).Where(c => c.Method == "PUT").Select(c => CardQuery.Text(c.Card!)).ToList();
        var matched = statuses.FindIndex(t => t.Contains(CardTexts.Get("ReferralStatus_matched", "fr-CA")));
        return matched >= 0 && statuses.Skip(matched + 1).Any(t => t.Contains(CardTexts.Get("ReferralStatus_submitted", "fr-CA")));
    }
}
