using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>The referral form: errors beside the fields, nothing typed lost, one referral per form however often it arrives.</summary>
public abstract class ReferralFormTests(Func<Task<TestDatabase>> database)
{
    [SkippableFact]
    public async Task An_invalid_form_comes_back_with_the_errors_beside_the_fields_and_everything_typed_kept()
    {
        await using var world = await ReadyWorldAsync();
        var form = await world.ReferralFormAsync(world.Clinician);
        form["patientCode"] = "Jeanne Tremblay";
        form["consent"] = "false";
        form["phone"] = "555-01";

        var card = await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");

        Assert.True(CardQuery.HasVerb(card, CardVerbs.ReferralSubmit));
        Assert.Equal("Jeanne Tremblay", CardQuery.Input(card, "patientCode")!["value"]!.GetValue<string>());
        Assert.Equal("555-01", CardQuery.Input(card, "phone")!["value"]!.GetValue<string>());
        Assert.Equal("Préfère les appels en après-midi.", CardQuery.Input(card, "note")!["value"]!.GetValue<string>());
        Assert.Equal("emotional,navigational", CardQuery.Input(card, "needs")!["value"]!.GetValue<string>());
        Assert.Equal(form["formId"]!.GetValue<string>(), CardQuery.ActionData(card, CardVerbs.ReferralSubmit)!["formId"]!.GetValue<string>());
        var text = CardQuery.Text(card);
        Assert.Contains(CardTexts.Get("Error_invalidPatientCode", "fr-CA"), text);
        Assert.Contains(CardTexts.Get("Error_consentRequired", "fr-CA"), text);
        Assert.Contains(CardTexts.Get("Error_invalidPhone", "fr-CA"), text);
        Assert.Equal(0, await world.QueryAsync(db => db.Referrals.CountAsync()));
        Assert.DoesNotContain(world.CallsTo(World.E1Channel.ChannelId), c => CardQuery.HasVerb(c.Card!, CardVerbs.ReferralDecline));
    }

    [SkippableFact]
    public async Task A_name_typed_as_a_code_comes_back_with_what_a_code_looks_like_and_the_name_kept()
    {
        await using var world = await ReadyWorldAsync();
        var form = await world.ReferralFormAsync(world.Clinician);
        form["patientCode"] = "MARIE-TREMBLAY-1958";

        var card = await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");

        Assert.True(CardQuery.HasVerb(card, CardVerbs.ReferralSubmit));
        Assert.Equal("MARIE-TREMBLAY-1958", CardQuery.Input(card, "patientCode")!["value"]!.GetValue<string>());
        Assert.Contains("CHUM-4821", CardTexts.Get("Error_invalidPatientCode", "fr-CA"));
        Assert.Contains(CardTexts.Get("Error_invalidPatientCode", "fr-CA"), CardQuery.Text(card));
        Assert.Equal(0, await world.QueryAsync(db => db.Referrals.CountAsync()));
    }

    [SkippableFact]
    public async Task Referring_to_a_program_the_establishment_does_not_run_is_refused_with_the_form_kept()
    {
        // appsettings.json: E1 (CHUM) runs the breast program only, E3 breast and gynecological.
        await using var world = await ReadyWorldAsync();
        var form = await world.ReferralFormAsync(world.Clinician);
        form["cancerType"] = "gynecological";

        var refused = await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");

        Assert.True(CardQuery.HasVerb(refused, CardVerbs.ReferralSubmit));
        Assert.Contains(CardTexts.Get("Error_noProgramForCancerType", "fr-CA"), CardQuery.Text(refused));
        Assert.Equal(("E1", "gynecological"), (Value(refused, "establishmentId"), Value(refused, "cancerType")));
        Assert.Equal(("CHUM-0042", "514 555-0199"), (Value(refused, "patientCode"), Value(refused, "phone")));
        Assert.Equal("Préfère les appels en après-midi.", Value(refused, "note"));
        Assert.Equal(0, await world.QueryAsync(db => db.Referrals.CountAsync()));

        form["establishmentId"] = "E3";
        var saved = await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");

        Assert.False(CardQuery.HasVerb(saved, CardVerbs.ReferralSubmit));
        var referral = await world.QueryAsync(db => db.Referrals.SingleAsync());
        Assert.Equal(("E3", "gynecological"), (referral.EstablishmentId, referral.CancerType));
    }

    private static string Value(JsonNode card, string inputId) => CardQuery.Input(card, inputId)!["value"]!.GetValue<string>();

    [SkippableFact]
    public async Task A_double_click_creates_one_referral()
    {
        await using var world = await ReadyWorldAsync();
        var form = await world.ReferralFormAsync(world.Clinician);

        var first = await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");
        var second = await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");

        Assert.Equal(1, await world.QueryAsync(db => db.Referrals.CountAsync()));
        Assert.Equal(CardQuery.Text(first), CardQuery.Text(second));
        Assert.Single(world.CallsTo(World.E1Channel.ChannelId), c => c.Method == "POST" && CardQuery.HasVerb(c.Card!, CardVerbs.ReferralDecline));
    }

    [SkippableFact]
    public async Task Teams_retrying_the_same_submit_at_once_creates_one_referral()
    {
        await using var world = await ReadyWorldAsync();
        var form = await world.ReferralFormAsync(world.Clinician);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            world.Teams.SendInvokeAsync(world.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form")));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        await world.SettleAsync();
        Assert.Equal(1, await world.QueryAsync(db => db.Referrals.CountAsync()));
        Assert.Single(world.CallsTo(World.E1Channel.ChannelId), c => c.Method == "POST" && CardQuery.HasVerb(c.Card!, CardVerbs.ReferralDecline));
    }

    [SkippableFact]
    public async Task The_phone_and_note_are_stored_encrypted_and_every_change_is_audited()
    {
        await using var world = await ReadyWorldAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove,
            new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "card");

        var referral = await world.QueryAsync(db => db.Referrals.SingleAsync());
        Assert.DoesNotContain("5550199", referral.ProtectedPhone);
        Assert.DoesNotContain("après-midi", referral.ProtectedNote);
        var audit = await world.QueryAsync(db => db.AuditEntries.Where(a => a.Subject.StartsWith("referral:")).ToListAsync());
        Assert.Contains(audit, a => a.Action == "referral.submit" && a.ActorAadObjectId == world.Clinician.AadObjectId);
        Assert.Contains(audit, a => a.Action == "referral.approve" && a.ActorAadObjectId == world.Coordinator.AadObjectId);
        Assert.All(audit, a => Assert.DoesNotContain("CHUM-0042", a.Subject));
    }

    [SkippableFact]
    public async Task A_referral_survives_a_restart_and_its_cards_still_update_in_place()
    {
        await using var world = await ReadyWorldAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        var posted = world.LastCallTo(World.E1Channel.ChannelId);

        await world.RestartBotAsync();
        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove,
            new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, posted.ActivityId!);

        var update = world.LastCallTo(World.E1Channel.ChannelId);
        Assert.Equal(("PUT", posted.ActivityId), (update.Method, update.ActivityId));
        var status = world.LastCallTo(world.Clinician.PersonalConversationId);
        Assert.Equal(("PUT", "referral-form"), (status.Method, status.ActivityId));
        Assert.Contains("tel:+15145550199", CardQuery.Json(world.LastCallTo(world.Ap.PersonalConversationId).Card!));
    }

    [SkippableFact]
    public async Task A_referral_for_an_establishment_without_a_channel_is_kept_and_the_clinician_is_told()
    {
        await using var world = await World.StartAsync(database);
        var form = await world.ReferralFormAsync(world.Clinician);

        await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");

        Assert.Equal(1, await world.QueryAsync(db => db.Referrals.CountAsync()));
        Assert.Contains(CardTexts.Get("NoCoordinatorChannel_Text", "fr-CA"), CardQuery.Text(world.LastCallTo(world.Clinician.PersonalConversationId).Card!));
    }

    private async Task<World> ReadyWorldAsync()
    {
        var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        return world;
    }
}

public sealed class ReferralFormOnSqlite() : ReferralFormTests(Databases.Sqlite);

public sealed class ReferralFormOnPostgres() : ReferralFormTests(Databases.Postgres);
