using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>The logbook: prompts, entries, escalations, sharing with the care team and closing, as APs and coordinators live them.</summary>
public abstract class LogbookTests(Func<Task<TestDatabase>> database)
{
    [SkippableTheory]
    [InlineData("fr-CA")]
    [InlineData("en-US")]
    public async Task An_AP_is_prompted_after_accepting_and_logs_a_contact(string locale)
    {
        await using var world = await World.StartAsync(database, locale);
        var referralId = await world.AcceptedReferralAsync();

        var prompt = world.CallsTo(world.Ap.PersonalConversationId).Last(c => CardQuery.HasVerb(c.Card!, CardVerbs.LogbookOpen));
        var form = await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookOpen, CardQuery.ActionData(prompt.Card!, CardVerbs.LogbookOpen)!, World.Personal, prompt.ActivityId!);
        var saved = await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookSubmit, Filled(form), World.Personal, "logbook-form");

        Assert.False(CardQuery.HasVerb(saved, CardVerbs.LogbookSubmit));
        var entry = await world.QueryAsync(db => db.LogbookEntries.SingleAsync());
        Assert.Equal((Guid.Parse(referralId), 25, "phone"), (entry.ReferralId, entry.DurationMinutes, entry.Modality));
        Assert.DoesNotContain("rassurée", entry.ProtectedSummary);
    }

    [SkippableFact]
    public async Task An_invalid_entry_comes_back_with_the_errors_beside_the_fields_and_everything_typed_kept()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        var form = await OpenFormAsync(world, referralId);
        var data = Filled(form);
        data["contactDate"] = "2026-12-25";
        data["needsClinicalAttention"] = "true";
        data["attentionReason"] = "";

        var card = await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookSubmit, data, World.Personal, "logbook-form");

        var text = CardQuery.Text(card);
        Assert.Contains(CardTexts.Get("Error_dateInFuture", "fr-CA"), text);
        Assert.Contains(CardTexts.Get("Error_attentionReasonRequired", "fr-CA"), text);
        Assert.Equal(data["summary"]!.GetValue<string>(), CardQuery.Input(card, "summary")!["value"]!.GetValue<string>());
        Assert.Equal(0, await world.QueryAsync(db => db.LogbookEntries.CountAsync()));
    }

    [SkippableFact]
    public async Task A_reason_written_with_clinical_attention_left_off_comes_back_to_be_confirmed_and_is_not_dropped()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        var data = Filled(await OpenFormAsync(world, referralId));
        data["attentionReason"] = "Douleur nouvelle au bras droit depuis trois jours";

        var card = await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookSubmit, data, World.Personal, "logbook-form");

        Assert.Contains(CardTexts.Get("Error_attentionSwitchedOff", "fr-CA"), CardQuery.Text(card));
        Assert.Equal("Douleur nouvelle au bras droit depuis trois jours", CardQuery.Input(card, "attentionReason")!["value"]!.GetValue<string>());
        Assert.Equal(0, await world.QueryAsync(db => db.LogbookEntries.CountAsync()));
    }

    [SkippableFact]
    public async Task A_contact_dated_too_long_ago_and_expenses_beyond_the_limits_say_what_is_accepted()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        var data = Filled(await OpenFormAsync(world, referralId));
        data["contactDate"] = "2025-11-26"; // the year mistyped
        data["parkingExpense"] = "650";
        data["kilometres"] = "2500";

        var text = CardQuery.Text(await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookSubmit, data, World.Personal, "logbook-form"));

        Assert.Contains(CardTexts.Get("Error_dateTooOld", "fr-CA"), text);
        Assert.Contains(CardTexts.Get("Error_invalidParking", "fr-CA"), text);
        Assert.Contains(CardTexts.Get("Error_invalidKilometres", "fr-CA"), text);
        Assert.Equal(0, await world.QueryAsync(db => db.LogbookEntries.CountAsync()));
    }

    [SkippableFact]
    public async Task A_form_clicked_twice_makes_one_entry()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        var data = Filled(await OpenFormAsync(world, referralId));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => world.Teams.SendInvokeAsync(world.Ap, CardVerbs.LogbookSubmit, data, World.Personal, "f")));
        await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookSubmit, data, World.Personal, "f");

        Assert.Equal(1, await world.QueryAsync(db => db.LogbookEntries.CountAsync()));
    }

    [SkippableFact]
    public async Task What_may_change_the_medical_course_reaches_the_coordinators_at_once_and_is_acknowledged_once()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        var data = Filled(await OpenFormAsync(world, referralId));
        data["needsClinicalAttention"] = "true";
        data["attentionReason"] = "Douleur nouvelle au bras droit depuis trois jours";

        await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookSubmit, data, World.Personal, "f");

        var alert = world.LastCallTo(World.E1Channel.ChannelId);
        Assert.Contains("Douleur nouvelle", CardQuery.Text(alert.Card!));
        Assert.Contains("CHUM-0042", CardQuery.Text(alert.Card!));
        Assert.DoesNotContain("5550199", CardQuery.Json(alert.Card!));
        Assert.DoesNotContain("555-0199", CardQuery.Json(alert.Card!)); // as cards show it
        var ack = CardQuery.ActionData(alert.Card!, CardVerbs.EscalationAcknowledge)!;

        var acknowledged = await world.Teams.ClickAsync(world.Coordinator, CardVerbs.EscalationAcknowledge, ack, World.E1Channel, alert.ActivityId!);
        var second = await world.Teams.ClickAsync(world.SecondCoordinator, CardVerbs.EscalationAcknowledge, ack, World.E1Channel, alert.ActivityId!);

        Assert.False(CardQuery.HasVerb(acknowledged, CardVerbs.EscalationAcknowledge));
        Assert.Contains(world.Coordinator.Name, CardQuery.Text(second));
        var update = world.LastCallTo(World.E1Channel.ChannelId);
        Assert.Equal(("PUT", alert.ActivityId), (update.Method, update.ActivityId));
    }

    [SkippableFact]
    public async Task An_unacknowledged_alert_is_announced_again_and_stops_once_acknowledged()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        var data = Filled(await OpenFormAsync(world, referralId));
        data["needsClinicalAttention"] = "true";
        data["attentionReason"] = "Idées noires exprimées au téléphone";
        await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookSubmit, data, World.Personal, "f");
        int Alerts() => world.CallsTo(World.E1Channel.ChannelId).Count(c => c.Method == "POST" && CardQuery.HasVerb(c.Card!, CardVerbs.EscalationAcknowledge));

        await world.AdvanceAsync(TimeSpan.FromMinutes(31));
        await world.EventuallyAsync(() => Alerts() == 2);

        var latest = world.CallsTo(World.E1Channel.ChannelId).Last(c => c.Method == "POST" && CardQuery.HasVerb(c.Card!, CardVerbs.EscalationAcknowledge));
        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.EscalationAcknowledge, CardQuery.ActionData(latest.Card!, CardVerbs.EscalationAcknowledge)!, World.E1Channel, latest.ActivityId!);
        await world.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Equal(2, Alerts());
        Assert.All(world.CallsTo(World.E1Channel.ChannelId).Where(c => c.Method == "PUT" && CardQuery.Text(c.Card!).Contains("Idées noires")),
            c => Assert.False(CardQuery.HasVerb(c.Card!, CardVerbs.EscalationAcknowledge)));
    }

    [SkippableFact]
    public async Task A_shared_summary_reaches_the_referring_clinician_and_the_patients_file_sheet()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        var data = Filled(await OpenFormAsync(world, referralId));
        data["shareWithCareTeam"] = "true";

        await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookSubmit, data, World.Personal, "f");
        await world.Teams.SayAsync(world.Clinician, "dossier chum-0042", World.Personal);
        await world.Teams.SayAsync(world.OtherClinician, "file CHUM-0042", World.Personal);
        await world.Teams.SayAsync(world.Coordinator, "dossier CHUM-0042", World.E1Channel);

        var clinicianCalls = world.CallsTo(world.Clinician.PersonalConversationId);
        Assert.Contains(clinicianCalls, c => c.Method == "POST" && CardQuery.Text(c.Card!).Contains("rassurée") && !CardQuery.HasVerb(c.Card!, CardVerbs.LogbookSubmit));
        Assert.Contains("rassurée", CardQuery.Text(clinicianCalls[^1].Card!));
        Assert.DoesNotContain("rassurée", CardQuery.Text(world.LastCallTo(world.OtherClinician.PersonalConversationId).Card!));
        Assert.Contains("rassurée", CardQuery.Text(world.LastCallTo(World.E1Channel.ThreadId).Card!));
    }

    [SkippableFact]
    public async Task Closing_an_accompaniment_frees_the_AP_and_tells_the_clinician_and_the_coordinators()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync(capacity: 1);

        await world.Teams.ClickAsync(world.Ap, CardVerbs.AccompanimentClose,
            new JsonObject { ["referralId"] = referralId, ["outcome"] = "completed", ["satisfaction"] = "5" }, World.Personal, "list");

        var referral = await world.QueryAsync(db => db.Referrals.SingleAsync());
        Assert.Equal((ReferralStatus.Closed, "completed", 5), (referral.Status, referral.Outcome, referral.Satisfaction));
        Assert.Contains(world.CallsTo(world.Clinician.PersonalConversationId), c => c.Method == "POST" && CardQuery.Text(c.Card!).Contains("5/5"));
        Assert.Contains(world.CallsTo(World.E1Channel.ChannelId), c => c.Method == "POST" && CardQuery.Text(c.Card!).Contains("5/5"));
        var next = await world.ReferralFormAsync(world.OtherClinician);
        next["patientCode"] = "NEXT-007";
        await world.SubmitReferralAsync(world.OtherClinician, next);
        Assert.NotEmpty(CardQuery.Choices(world.LastCallTo(World.E1Channel.ChannelId).Card!, "apId"));
    }

    [SkippableFact]
    public async Task Closing_without_an_outcome_sends_the_form_back_with_the_choices_kept_and_closes_nothing()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();

        var card = await world.Teams.ClickAsync(world.Ap, CardVerbs.AccompanimentClose,
            new JsonObject { ["referralId"] = referralId, ["satisfaction"] = "4" }, World.Personal, "list");

        Assert.Equal(ReferralStatus.Accepted, (await world.QueryAsync(db => db.Referrals.SingleAsync())).Status);
        Assert.Contains(CardTexts.Get("Error_required", world.Ap.Locale), CardQuery.Text(card));
        Assert.True(CardQuery.HasVerb(card, CardVerbs.AccompanimentClose));
        Assert.Contains($"\"value\":\"{referralId}\"", CardQuery.Json(card));
        Assert.Contains("\"value\":\"4\"", CardQuery.Json(card));
    }

    [SkippableFact]
    public async Task Only_the_AP_of_the_patient_may_log_or_close()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        await world.ApprovedApAsync(world.SecondAp);
        var data = Filled(await OpenFormAsync(world, referralId));

        await world.Teams.ClickAsync(world.SecondAp, CardVerbs.LogbookSubmit, data, World.Personal, "f");
        await world.Teams.ClickAsync(world.Clinician, CardVerbs.LogbookSubmit, data, World.Personal, "f");
        await world.Teams.ClickAsync(world.SecondAp, CardVerbs.AccompanimentClose, new JsonObject { ["referralId"] = referralId, ["outcome"] = "completed" }, World.Personal, "l");

        Assert.Equal(0, await world.QueryAsync(db => db.LogbookEntries.CountAsync()));
        Assert.Equal(ReferralStatus.Accepted, (await world.QueryAsync(db => db.Referrals.SingleAsync())).Status);
    }

    [SkippableFact]
    public async Task A_missing_first_entry_gets_one_gentle_reminder_then_the_coordinators_are_told()
    {
        await using var world = await World.StartAsync(database);
        await world.AcceptedReferralAsync();
        int Reminders() => world.CallsTo(world.Ap.PersonalConversationId).Count(c => c.Method == "POST" && CardQuery.HasVerb(c.Card!, CardVerbs.LogbookOpen));
        var prompted = Reminders();

        await world.AdvanceAsync(TimeSpan.FromHours(47));
        Assert.Equal(prompted, Reminders());
        await world.AdvanceAsync(TimeSpan.FromHours(2));
        await world.EventuallyAsync(() => Reminders() == prompted + 1);
        var channelBefore = world.CallsTo(World.E1Channel.ChannelId).Count;
        await world.AdvanceAsync(TimeSpan.FromHours(25));

        await world.EventuallyAsync(() => world.CallsTo(World.E1Channel.ChannelId).Skip(channelBefore).Any(c => CardQuery.Text(c.Card!).Contains(world.Ap.Name)));
        Assert.Equal(prompted + 1, Reminders());
    }

    [SkippableFact]
    public async Task An_entry_written_in_time_silences_the_reminders()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        int Reminders() => world.CallsTo(world.Ap.PersonalConversationId).Count(c => c.Method == "POST" && CardQuery.HasVerb(c.Card!, CardVerbs.LogbookOpen));
        var prompted = Reminders();
        await world.AdvanceAsync(TimeSpan.FromHours(20));
        await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookSubmit, Filled(await OpenFormAsync(world, referralId)), World.Personal, "f");
        var channelBefore = world.CallsTo(World.E1Channel.ChannelId).Count;

        await world.AdvanceAsync(TimeSpan.FromHours(100));

        Assert.Equal(prompted, Reminders());
        Assert.Equal(channelBefore, world.CallsTo(World.E1Channel.ChannelId).Count);
    }

    [SkippableFact]
    public async Task A_planned_contact_brings_a_prompt_that_day()
    {
        await using var world = await World.StartAsync(database);
        var referralId = await world.AcceptedReferralAsync();
        var data = Filled(await OpenFormAsync(world, referralId));
        data["nextContactDate"] = "2026-11-30";
        await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookSubmit, data, World.Personal, "f");
        int Reminders() => world.CallsTo(world.Ap.PersonalConversationId).Count(c => c.Method == "POST" && CardQuery.HasVerb(c.Card!, CardVerbs.LogbookOpen));
        var before = Reminders();

        await world.AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 22, 30, 0, TimeSpan.Zero));

        await world.EventuallyAsync(() => Reminders() == before + 1);
    }

    private static async Task<JsonNode> OpenFormAsync(World world, string referralId) =>
        await world.Teams.ClickAsync(world.Ap, CardVerbs.LogbookOpen, new JsonObject { ["referralId"] = referralId }, World.Personal, "list");

    /// <summary>The form as an AP fills it after a first call.</summary>
    private static JsonObject Filled(JsonNode form)
    {
        var data = CardQuery.ActionData(form, CardVerbs.LogbookSubmit)!.DeepClone().AsObject();
        data["contactDate"] = "2026-11-26";
        data["durationMinutes"] = "25";
        data["modality"] = "phone";
        data["supportTypes"] = "emotional,informational";
        data["summary"] = "Premier appel. La personne se dit rassurée d'avoir quelqu'un à qui parler.";
        data["needsClinicalAttention"] = "false";
        data["shareWithCareTeam"] = "false";
        data["parkingExpense"] = "";
        data["kilometres"] = "";
        return data;
    }
}

public sealed class LogbookOnSqlite() : LogbookTests(Databases.Sqlite);

public sealed class LogbookOnPostgres() : LogbookTests(Databases.Postgres);
