using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>Binding a coordinators' channel, and APs joining, being approved and pausing themselves.</summary>
public abstract class SetupAndOnboardingTests(Func<Task<TestDatabase>> database)
{
    [SkippableFact]
    public async Task An_admin_binds_a_channel_to_an_establishment()
    {
        await using var world = await World.StartAsync(database);

        await world.Teams.SayAsync(world.Admin, "configurer", World.E1Channel);
        var choose = world.LastCallTo(World.E1Channel.ThreadId).Card!;
        Assert.Equal(["E1", "E2", "E3", "E4"], CardQuery.Choices(choose, "establishmentId").Keys);
        await world.Teams.ClickAsync(world.Admin, CardVerbs.SetupCoordinatorChannel, new JsonObject { ["establishmentId"] = "E1" }, World.E1Channel, "setup");

        var binding = await world.QueryAsync(db => db.CoordinatorChannels.SingleAsync());
        Assert.Equal((World.E1Channel.TeamId, World.E1Channel.ChannelId), (binding.TeamId, binding.ChannelId));
    }

    [SkippableFact]
    public async Task Someone_who_is_not_an_admin_is_politely_refused_setup_and_each_attempt_is_audited()
    {
        await using var world = await World.StartAsync(database);

        await world.Teams.SayAsync(world.Coordinator, "setup", World.E1Channel);
        var clicked = await world.Teams.ClickAsync(world.Coordinator, CardVerbs.SetupCoordinatorChannel, new JsonObject { ["establishmentId"] = "E1" }, World.E1Channel, "setup");

        Assert.Contains(CardTexts.Get("SetupRefused_Text", "fr-CA"), CardQuery.Text(world.LastCallTo(World.E1Channel.ThreadId).Card!));
        Assert.Contains(CardTexts.Get("SetupRefused_Text", "fr-CA"), CardQuery.Text(clicked));
        Assert.Equal(0, await world.QueryAsync(db => db.CoordinatorChannels.CountAsync()));
        var refused = await world.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Outcome == AuditOutcomes.Refused).Select(e => e.Reason).ToListAsync());
        Assert.Equal([Refusals.NotAdmin, Refusals.NotAdmin], refused);
    }

    [SkippableFact]
    public async Task A_registered_AP_waits_for_approval_and_is_told_when_approved()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();

        var apId = await world.RegisterApAsync(world.Ap);
        Assert.Equal(ApStatus.Pending, (await world.QueryAsync(db => db.AccompanyingPatients.SingleAsync())).Status);

        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ApApprove, new JsonObject { ["apId"] = apId }, World.E1Channel, "approval");

        Assert.Equal(ApStatus.Approved, (await world.QueryAsync(db => db.AccompanyingPatients.SingleAsync())).Status);
        var told = world.CallsTo(world.Ap.PersonalConversationId);
        Assert.Contains(told, c => c.Method == "PUT" && c.ActivityId == "join-form");
        Assert.Contains(told, c => c.Method == "POST" && CardQuery.Text(c.Card!).Contains(CardTexts.Get("ApApproved_Title", "fr-CA")));
    }

    [SkippableFact]
    public async Task A_clinician_cannot_approve_an_AP()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        var apId = await world.RegisterApAsync(world.Ap);

        await world.Teams.ClickAsync(world.Clinician, CardVerbs.ApApprove, new JsonObject { ["apId"] = apId }, World.Personal, "x");

        Assert.Equal(ApStatus.Pending, (await world.QueryAsync(db => db.AccompanyingPatients.SingleAsync())).Status);
    }

    [SkippableTheory]
    [InlineData("fr-CA")]
    [InlineData("en-US")]
    public async Task Installing_the_app_in_a_1_1_chat_greets_with_what_the_bot_does_in_the_person_s_language(string locale)
    {
        await using var world = await World.StartAsync(database, locale);

        await world.Teams.InstallAsync(world.Clinician, World.Personal);

        var help = JsonNode.Parse(HelpCards.ForAudience(Audience.Clinician, CultureInfo.GetCultureInfo(locale)).ToJson())!;
        Assert.Equal(CardQuery.Text(help), CardQuery.Text(world.LastCallTo(world.Clinician.PersonalConversationId).Card!));
    }

    [SkippableFact]
    public async Task Adding_the_app_to_a_team_tells_the_team_what_it_does_for_coordinators_and_how_to_set_it_up()
    {
        await using var world = await World.StartAsync(database);

        await world.Teams.InstallAsync(world.Admin, World.E1Channel);

        Assert.Contains(CardTexts.Get("HelpCommand_setup", "fr-CA"), CardQuery.Text(world.LastCallTo(World.E1Channel.ChannelId).Card!));
    }

    [SkippableFact]
    public async Task Removing_the_app_from_the_coordinators_team_unbinds_the_channel_and_a_clinician_who_refers_is_told()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();

        await world.Teams.InstallAsync(world.Admin, World.E1Channel, "remove");
        var form = await world.ReferralFormAsync(world.Clinician);
        await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");

        Assert.Equal(0, await world.QueryAsync(db => db.CoordinatorChannels.CountAsync()));
        Assert.Equal(1, await world.QueryAsync(db => db.Referrals.CountAsync()));
        var notice = JsonNode.Parse(NoticeCards.NoCoordinatorChannel(CultureInfo.GetCultureInfo("fr-CA")).ToJson())!;
        Assert.Equal(CardQuery.Text(notice), CardQuery.Text(world.LastCallTo(world.Clinician.PersonalConversationId).Card!));
    }

    [SkippableFact]
    public async Task A_coordinators_team_the_app_left_unnoticed_neither_stops_referrals_nor_lets_anyone_decide()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        var ap = Features.Samples.Ap("Zoé", cancerTypes: ["breast"], languages: ["fr"], capacity: 3);
        await world.QueryAsync(async db => { db.Add(ap); return await db.SaveChangesAsync(); }); // approved without a roster read
        world.Connector.RemoveBotFrom(World.E1Channel.TeamId); // before anything read its roster

        var form = await world.ReferralFormAsync(world.Clinician);
        var status = await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");
        var referral = await world.QueryAsync(db => db.Referrals.SingleAsync());
        var refused = await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove,
            new JsonObject { ["referralId"] = referral.Id.ToString(), ["apId"] = ap.Id.ToString() }, World.E1Channel, "referral-card");

        Assert.Contains(referral.PatientCode, CardQuery.Text(status));
        var notAllowed = JsonNode.Parse(NoticeCards.NotAllowed(CultureInfo.GetCultureInfo("fr-CA")).ToJson())!;
        Assert.Equal(CardQuery.Text(notAllowed), CardQuery.Text(refused));
        Assert.Equal(ReferralStatus.Submitted, (await world.QueryAsync(db => db.Referrals.SingleAsync())).Status);
    }

    [SkippableFact]
    public async Task An_AP_who_removes_the_app_is_paused_and_no_longer_suggested()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);

        await world.Teams.InstallAsync(world.Ap, World.Personal, "remove");
        await world.SubmitReferralAsync(world.Clinician);

        var ap = await world.QueryAsync(db => db.AccompanyingPatients.SingleAsync());
        Assert.True(ap.Paused);
        Assert.Empty(CardQuery.Choices(world.LastCallTo(World.E1Channel.ChannelId).Card!, "apId"));
        var removed = await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "ap.appRemoved"));
        Assert.Equal(1, removed);
    }

    [SkippableFact]
    public async Task A_new_version_of_the_app_does_not_greet_anyone_again()
    {
        await using var world = await World.StartAsync(database);

        await world.Teams.InstallAsync(world.Clinician, World.Personal, "add-upgrade");
        await world.Teams.InstallAsync(world.Admin, World.E1Channel, "add-upgrade");

        Assert.Empty(world.CallsTo(world.Clinician.PersonalConversationId));
        Assert.Empty(world.CallsTo(World.E1Channel.ChannelId));
    }

    [SkippableFact]
    public async Task The_removal_step_of_an_upgrade_neither_unbinds_the_channel_nor_pauses_an_AP()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);

        await world.Teams.InstallAsync(world.Ap, World.Personal, "remove-upgrade");
        await world.Teams.InstallAsync(world.Admin, World.E1Channel, "remove-upgrade");

        Assert.Equal(1, await world.QueryAsync(db => db.CoordinatorChannels.CountAsync()));
        Assert.False((await world.QueryAsync(db => db.AccompanyingPatients.SingleAsync())).Paused);
    }

    [SkippableFact]
    public async Task An_approved_AP_who_types_refer_is_told_at_once_rather_than_after_filling_the_form()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);

        await world.Teams.SayAsync(world.Ap, "refer", World.Personal);

        var reply = world.LastCallTo(world.Ap.PersonalConversationId).Card!;
        var notAllowed = JsonNode.Parse(NoticeCards.NotAllowed(CultureInfo.GetCultureInfo("fr-CA")).ToJson())!;
        Assert.Equal(CardQuery.Text(notAllowed), CardQuery.Text(reply));
        Assert.False(CardQuery.HasVerb(reply, CardVerbs.ReferralSubmit));
    }

    [SkippableFact]
    public async Task Pause_clicked_again_and_again_at_once_leaves_the_AP_paused_and_answers_every_click()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);

        var cards = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            world.Teams.ClickAsync(world.Ap, CardVerbs.ApPause, new JsonObject { ["apId"] = apId }, World.Personal, "profile")));

        Assert.True((await world.QueryAsync(db => db.AccompanyingPatients.SingleAsync())).Paused);
        Assert.All(cards, card => Assert.True(CardQuery.HasVerb(card, CardVerbs.ApResume)));
    }

    [SkippableFact]
    public async Task Two_first_setups_of_one_establishment_at_once_bind_it_once()
    {
        await using var world = await World.StartAsync(database);
        await world.Teams.SayAsync(world.Admin, "configurer", World.E1Channel);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            world.Teams.ClickAsync(world.Admin, CardVerbs.SetupCoordinatorChannel, new JsonObject { ["establishmentId"] = "E1" }, World.E1Channel, "setup")));

        var binding = Assert.Single(await world.QueryAsync(db => db.CoordinatorChannels.ToListAsync()));
        Assert.Equal(World.E1Channel.ChannelId, binding.ChannelId);
    }

    [SkippableFact]
    public async Task Paused_unapproved_and_full_APs_are_not_suggested()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        var pausedId = await world.ApprovedApAsync(world.Ap);
        await world.Teams.ClickAsync(world.Ap, CardVerbs.ApPause, new JsonObject { ["apId"] = pausedId }, World.Personal, "profile");
        var pendingId = await world.RegisterApAsync(world.SecondAp);

        await world.SubmitReferralAsync(world.Clinician);

        var suggested = CardQuery.Choices(world.LastCallTo(World.E1Channel.ChannelId).Card!, "apId").Keys;
        Assert.DoesNotContain(pausedId, suggested);
        Assert.DoesNotContain(pendingId, suggested);

        await world.Teams.ClickAsync(world.Ap, CardVerbs.ApResume, new JsonObject { ["apId"] = pausedId }, World.Personal, "profile");
        await world.SubmitReferralAsync(world.OtherClinician);
        Assert.Contains(pausedId, CardQuery.Choices(world.LastCallTo(World.E1Channel.ChannelId).Card!, "apId").Keys);
    }

    [SkippableFact]
    public async Task An_AP_at_capacity_is_not_suggested_again()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap, capacity: 1);
        var first = await world.SubmitReferralAsync(world.Clinician);
        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = first, ["apId"] = apId }, World.E1Channel, "c");

        await world.SubmitReferralAsync(world.OtherClinician);

        Assert.Empty(CardQuery.Choices(world.LastCallTo(World.E1Channel.ChannelId).Card!, "apId"));
    }
}

public sealed class SetupAndOnboardingOnSqlite() : SetupAndOnboardingTests(Databases.Sqlite);

public sealed class SetupAndOnboardingOnPostgres() : SetupAndOnboardingTests(Databases.Postgres);
