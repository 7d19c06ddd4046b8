using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// Thanks: the referring clinician thanks the AP who accepted their patient, a coordinator thanks an AP from the AP's
/// profile card in the channel; the AP gets the message in their language; one thanks per click; nobody else may.
/// </summary>
public abstract class ThanksTests(Func<Task<TestDatabase>> database)
{
    private const string Message = "Merci, ma patiente se sent moins seule.";

    [SkippableFact]
    public async Task The_referring_clinician_thanks_the_AP_who_gets_the_message_in_their_language_and_the_status_card_says_it_was_sent()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await AcceptedBySecondApAsync(world);

        var status = await ThankAsync(world, world.Clinician, ThankData(world, Message));

        Assert.Contains(Sent(world.SecondAp.Name), CardQuery.Text(status));
        var received = Assert.Single(world.CallsTo(world.SecondAp.PersonalConversationId), c => c.Method == "POST" && IsThanks(c));
        var text = CardQuery.Text(received.Card!);
        Assert.Contains(CardTexts.Get("ThanksReceivedTitle", "en"), text); // the AP's language, not the clinician's
        Assert.Contains(string.Format(CardTexts.Get("ThanksReceivedForPatient", "en"), world.Clinician.Name, "CHUM-0042"), text);
        Assert.Contains(Message, text);

        var thanks = await world.QueryAsync(db => db.Thanks.AsNoTracking().SingleAsync());
        Assert.Equal((Guid?)Guid.Parse(referralId), thanks.ReferralId);
        Assert.DoesNotContain("patiente", thanks.ProtectedMessage); // kept protected, as a note is
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(e =>
            e.Action == CardVerbs.ReferralThank && e.Outcome == AuditOutcomes.Done && e.ActorAadObjectId == world.Clinician.AadObjectId)));
    }

    [SkippableFact]
    public async Task A_double_click_on_thank_the_AP_sends_one_thanks()
    {
        await using var world = await World.StartAsync(database);
        await AcceptedBySecondApAsync(world);
        var data = ThankData(world, Message);

        var cards = await Task.WhenAll(ThankAsync(world, world.Clinician, data), ThankAsync(world, world.Clinician, data.DeepClone().AsObject()));
        await ThankAsync(world, world.Clinician, data.DeepClone().AsObject());

        Assert.All(cards, card => Assert.Contains(Sent(world.SecondAp.Name), CardQuery.Text(card)));
        Assert.Equal(1, await world.QueryAsync(db => db.Thanks.CountAsync()));
        Assert.Single(world.CallsTo(world.SecondAp.PersonalConversationId), IsThanks);
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == CardVerbs.ReferralThank)));
    }

    [SkippableFact]
    public async Task Another_clinician_cannot_thank_on_a_referral_that_is_not_theirs_and_the_attempt_is_audited()
    {
        await using var world = await World.StartAsync(database);
        await AcceptedBySecondApAsync(world);

        var card = await ThankAsync(world, world.OtherClinician, ThankData(world, Message));

        Assert.Contains(CardTexts.Get("NotAllowed_Title", "en"), CardQuery.Text(card));
        Assert.Equal(0, await world.QueryAsync(db => db.Thanks.CountAsync()));
        Assert.DoesNotContain(world.CallsTo(world.SecondAp.PersonalConversationId), IsThanks);
        var refused = await world.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Outcome == AuditOutcomes.Refused));
        Assert.Equal((CardVerbs.ReferralThank, world.OtherClinician.AadObjectId, Refusals.NotTheirs), (refused.Action, refused.ActorAadObjectId, refused.Reason));
    }

    [SkippableFact]
    public async Task A_message_over_500_characters_is_refused_with_the_reason_and_kept_as_typed()
    {
        await using var world = await World.StartAsync(database);
        await AcceptedBySecondApAsync(world);
        var typed = new string('é', ThanksCards.MaxMessageLength + 1);

        var card = await ThankAsync(world, world.Clinician, ThankData(world, typed));

        Assert.Contains(string.Format(CardTexts.Get("ThanksMessageTooLong", "fr-CA"), ThanksCards.MaxMessageLength, typed.Length), CardQuery.Text(card));
        Assert.Equal(typed, CardQuery.Input(card, "message")?["value"]?.GetValue<string>());
        Assert.True(CardQuery.HasVerb(card, CardVerbs.ReferralThank), "The form stays, to send it shortened.");
        Assert.Equal(0, await world.QueryAsync(db => db.Thanks.CountAsync()));
        Assert.DoesNotContain(world.CallsTo(world.SecondAp.PersonalConversationId), IsThanks);
    }

    [SkippableFact]
    public async Task A_coordinator_thanks_an_AP_from_the_AP_s_profile_card_in_the_channel()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.SecondAp);
        var data = ProfileThankData(world, "Merci pour vos trois accompagnements ce mois-ci.");

        var card = await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ApThank, data, World.E1Channel, "approval-card");

        var sent = CardTexts.Get("ThanksSentBy", "fr-CA");
        Assert.Contains(sent[..sent.IndexOf("{2}", StringComparison.Ordinal)].Replace("{0}", world.Coordinator.Name).Replace("{1}", world.SecondAp.Name), CardQuery.Text(card));
        var received = Assert.Single(world.CallsTo(world.SecondAp.PersonalConversationId), IsThanks);
        Assert.Contains(string.Format(CardTexts.Get("ThanksReceivedForWork", "en"), world.Coordinator.Name), CardQuery.Text(received.Card!));
        Assert.Contains("Merci pour vos trois accompagnements ce mois-ci.", CardQuery.Text(received.Card!));
        var thanks = await world.QueryAsync(db => db.Thanks.AsNoTracking().SingleAsync());
        Assert.Null(thanks.ReferralId);
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == CardVerbs.ApThank && e.Outcome == AuditOutcomes.Done)));
    }

    [SkippableFact]
    public async Task Someone_who_is_not_a_coordinator_cannot_thank_from_the_profile_card_and_the_attempt_is_audited()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.SecondAp);

        var card = await world.Teams.ClickAsync(world.Clinician, CardVerbs.ApThank, ProfileThankData(world, Message), World.E1Channel, "approval-card");

        Assert.False(CardQuery.HasVerb(card, CardVerbs.ApThank));
        Assert.Equal(0, await world.QueryAsync(db => db.Thanks.CountAsync()));
        Assert.DoesNotContain(world.CallsTo(world.SecondAp.PersonalConversationId), IsThanks);
        var refused = await world.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Outcome == AuditOutcomes.Refused));
        Assert.Equal((CardVerbs.ApThank, Refusals.NotCoordinator), (refused.Action, refused.Reason));
    }

    [SkippableFact]
    public async Task Erasing_the_patient_erases_the_thanks_message_and_keeps_that_thanks_was_given()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await AcceptedBySecondApAsync(world);
        await ThankAsync(world, world.Clinician, ThankData(world, Message));
        await world.Teams.ClickAsync(world.SecondAp, CardVerbs.AccompanimentClose, new JsonObject { ["referralId"] = referralId, ["outcome"] = "completed" }, World.Personal, "list");

        await world.Teams.ClickAsync(world.Admin, CardVerbs.EraseConfirm, new JsonObject { ["patientCode"] = "CHUM-0042" }, World.Personal, "erase");

        var thanks = await world.QueryAsync(db => db.Thanks.AsNoTracking().SingleAsync());
        Assert.Null(thanks.ProtectedMessage);
        Assert.Equal((Guid?)Guid.Parse(referralId), thanks.ReferralId);
    }

    /// <summary>A referral by the (French) clinician, accepted by the English-speaking AP.</summary>
    private static async Task<string> AcceptedBySecondApAsync(World world)
    {
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.SecondAp);
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "card");
        await world.Teams.ClickAsync(world.SecondAp, CardVerbs.AssignmentAccept, new JsonObject { ["referralId"] = referralId }, World.Personal, "offer");
        return referralId;
    }

    /// <summary>The thanks action of the clinician's status card as it is now, with the message typed.</summary>
    private static JsonObject ThankData(World world, string message)
    {
        var status = world.CallsTo(world.Clinician.PersonalConversationId).Last(c => CardQuery.HasVerb(c.Card!, CardVerbs.ReferralThank));
        var data = CardQuery.ActionData(status.Card!, CardVerbs.ReferralThank)!.DeepClone().AsObject();
        Assert.NotNull(data["referralId"]);
        data["message"] = message;
        return data;
    }

    private static JsonObject ProfileThankData(World world, string message)
    {
        var profile = world.CallsTo(World.E1Channel.ChannelId).Last(c => CardQuery.HasVerb(c.Card!, CardVerbs.ApThank));
        var data = CardQuery.ActionData(profile.Card!, CardVerbs.ApThank)!.DeepClone().AsObject();
        Assert.NotNull(data["apId"]);
        data["message"] = message;
        return data;
    }

    private static Task<JsonNode> ThankAsync(World world, TestUser who, JsonObject data) =>
        world.Teams.ClickAsync(who, CardVerbs.ReferralThank, data, World.Personal, "referral-form");

    private static string Sent(string apName)
    {
        var sent = CardTexts.Get("ThanksSent", "fr-CA");
        return sent[..sent.IndexOf("{1}", StringComparison.Ordinal)].Replace("{0}", apName);
    }

    private static bool IsThanks(ConnectorCall call) =>
        CardQuery.Text(call.Card!).Contains(CardTexts.Get("ThanksReceivedTitle", "en"));
}

public sealed class ThanksOnSqlite() : ThanksTests(Databases.Sqlite);

public sealed class ThanksOnPostgres() : ThanksTests(Databases.Postgres);
