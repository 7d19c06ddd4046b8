using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ParoleOnco.Cards;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// The community of practice: an admin binds its channel; approved APs share tips there, checked for patient data
/// first; coordinators of any establishment hide a tip; nobody else is offered either.
/// </summary>
public abstract class CommunityTests(Func<Task<TestDatabase>> database)
{
    private static readonly Where.Channel CommunityChannel = new("19:team-community@thread.tacv2", "19:community@thread.tacv2");
    private const string Tip = "Au premier appel, j'annonce combien de temps il durera : la personne se détend.";

    [SkippableTheory]
    [InlineData("fr-CA", "astuce")]
    [InlineData("en", "tip")]
    public async Task An_approved_AP_s_tip_is_posted_in_the_community_channel_with_their_first_name_and_establishment(string locale, string word)
    {
        await using var world = await World.StartAsync(database, locale);
        await BindCommunityAsync(world);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);

        var posted = await PostTipAsync(world, word, Tip);

        Assert.Contains(CardTexts.Get("TipPosted", locale), CardQuery.Text(posted));
        var inChannel = Assert.Single(world.CallsTo(CommunityChannel.ChannelId), c => c.Method == "POST");
        var text = CardQuery.Text(inChannel.Card!);
        Assert.Contains(string.Format(CardTexts.Get("TipFrom", locale), "Marie", "CHUM"), text);
        Assert.DoesNotContain("Accompagnatrice", text); // the first name only
        Assert.Contains(Tip, text);
        var tip = await world.QueryAsync(db => db.Tips.AsNoTracking().SingleAsync());
        Assert.Equal(("E1", Tip), (tip.EstablishmentId, tip.Text));
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == CardVerbs.TipSubmit && e.Outcome == AuditOutcomes.Done)));
    }

    [SkippableTheory]
    [InlineData("fr-CA", "Appelez-la au 514 555-0199 le matin.", "TipRefused_Phone")]
    [InlineData("en", "Write to louise.b@example.org about it.", "TipRefused_Email")]
    [InlineData("fr-CA", "Ma patiente CHUM-4821 aime qu'on la rappelle.", "TipRefused_PatientCode")]
    [InlineData("en", "She was born on April 12, 1958 and likes mornings.", "TipRefused_BirthDate")]
    [InlineData("fr-CA", "Née le 12/04/1958, elle préfère le matin.", "TipRefused_BirthDate")]
    public async Task A_tip_that_looks_like_patient_data_goes_back_with_the_reason_and_the_text_kept_and_nothing_is_posted_kept_or_logged(
        string locale, string typed, string reason)
    {
        var logs = new CapturedLogs();
        await using var world = await World.StartAsync(database, locale, logs: logs);
        await BindCommunityAsync(world);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);

        var form = await PostTipAsync(world, "tip", typed);

        Assert.Contains(CardTexts.Get(reason, locale), CardQuery.Text(form));
        Assert.Equal(typed, CardQuery.Input(form, "text")?["value"]?.GetValue<string>());
        Assert.True(CardQuery.HasVerb(form, CardVerbs.TipSubmit), "The form stays, to post the tip once corrected.");
        Assert.DoesNotContain(world.CallsTo(CommunityChannel.ChannelId), c => c.Method == "POST");
        Assert.Equal(0, await world.QueryAsync(db => db.Tips.CountAsync()));
        Assert.Equal(0, await world.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.RecipientKind == RecipientKind.Community)));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(typed, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_double_click_on_post_my_tip_posts_it_once()
    {
        await using var world = await World.StartAsync(database);
        await BindCommunityAsync(world);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);
        var data = await TipDataAsync(world, "astuce", Tip);

        var cards = await Task.WhenAll(SubmitAsync(world, data), SubmitAsync(world, data.DeepClone().AsObject()));
        await SubmitAsync(world, data.DeepClone().AsObject());

        Assert.All(cards, card => Assert.Contains(CardTexts.Get("TipPosted", "fr-CA"), CardQuery.Text(card)));
        Assert.Equal(1, await world.QueryAsync(db => db.Tips.CountAsync()));
        Assert.Single(world.CallsTo(CommunityChannel.ChannelId), c => c.Method == "POST");
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == CardVerbs.TipSubmit)));
    }

    [SkippableTheory]
    [InlineData("fr-CA")]
    [InlineData("en")]
    public async Task Without_a_community_channel_the_AP_is_told_so_and_their_tip_waits_in_the_form(string locale)
    {
        await using var world = await World.StartAsync(database, locale);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);

        var form = await PostTipAsync(world, "tip", Tip);

        Assert.Contains(CardTexts.Get("TipRefused_NoChannel", locale), CardQuery.Text(form));
        Assert.Equal(Tip, CardQuery.Input(form, "text")?["value"]?.GetValue<string>());
        Assert.Equal(0, await world.QueryAsync(db => db.Tips.CountAsync()));

        // Once the channel exists, the same form posts the tip.
        await BindCommunityAsync(world);
        var data = CardQuery.ActionData(form, CardVerbs.TipSubmit)!.DeepClone().AsObject();
        data["text"] = Tip;
        Assert.Contains(CardTexts.Get("TipPosted", locale), CardQuery.Text(await SubmitAsync(world, data)));
        Assert.Single(world.CallsTo(CommunityChannel.ChannelId), c => c.Method == "POST");
    }

    [SkippableTheory]
    [InlineData("fr-CA")]
    [InlineData("en")]
    public async Task A_clinician_a_coordinator_and_a_pending_AP_are_not_offered_the_tip_form(string locale)
    {
        await using var world = await World.StartAsync(database, locale);
        await BindCommunityAsync(world);
        await world.BindE1ChannelAsync();
        await world.RegisterApAsync(world.Ap); // pending

        foreach (var who in new[] { world.Clinician, world.Coordinator, world.Ap })
        {
            await world.Teams.SayAsync(who, "tip", World.Personal);
            var card = world.LastCallTo(who.PersonalConversationId).Card!;
            Assert.Contains(CardTexts.Get("TipForApsOnly", locale), CardQuery.Text(card));
            Assert.False(CardQuery.HasVerb(card, CardVerbs.TipSubmit));
        }

        var forged = await world.Teams.ClickAsync(world.Clinician, CardVerbs.TipSubmit, new JsonObject { ["formId"] = "forged", ["text"] = Tip }, World.Personal, "tip-form");
        Assert.Contains(CardTexts.Get("TipForApsOnly", locale), CardQuery.Text(forged));
        Assert.Equal(0, await world.QueryAsync(db => db.Tips.CountAsync()));
    }

    [SkippableTheory]
    [InlineData("fr-CA")]
    [InlineData("en")]
    public async Task A_coordinator_hides_a_tip_its_card_says_so_in_place_its_text_is_gone_and_it_is_audited(string locale)
    {
        await using var world = await World.StartAsync(database, locale);
        await BindCommunityAsync(world);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);
        await PostTipAsync(world, "tip", Tip);
        var posted = Assert.Single(world.CallsTo(CommunityChannel.ChannelId), c => c.Method == "POST");

        var card = await world.Teams.ClickAsync(world.Coordinator, CardVerbs.TipHide, CardQuery.ActionData(posted.Card!, CardVerbs.TipHide)!, CommunityChannel, posted.ActivityId!);

        Assert.Contains(CardTexts.Get("TipHidden", locale), CardQuery.Text(card));
        Assert.DoesNotContain(Tip, CardQuery.Text(card));
        var updated = world.CallsTo(CommunityChannel.ChannelId).Last();
        Assert.Equal(("PUT", posted.ActivityId), (updated.Method, updated.ActivityId)); // the same message, for everyone
        Assert.DoesNotContain(Tip, CardQuery.Text(updated.Card!));
        var tip = await world.QueryAsync(db => db.Tips.AsNoTracking().SingleAsync());
        Assert.Equal((null, world.Coordinator.AadObjectId), (tip.Text, tip.HiddenByAadObjectId));
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(e =>
            e.Action == CardVerbs.TipHide && e.Outcome == AuditOutcomes.Done && e.ActorAadObjectId == world.Coordinator.AadObjectId)));
    }

    [SkippableFact]
    public async Task Someone_who_is_not_a_coordinator_cannot_hide_a_tip_and_the_attempt_is_audited()
    {
        await using var world = await World.StartAsync(database);
        await BindCommunityAsync(world);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);
        await PostTipAsync(world, "astuce", Tip);
        var posted = Assert.Single(world.CallsTo(CommunityChannel.ChannelId), c => c.Method == "POST");

        var card = await world.Teams.ClickAsync(world.Ap, CardVerbs.TipHide, CardQuery.ActionData(posted.Card!, CardVerbs.TipHide)!, CommunityChannel, posted.ActivityId!);

        Assert.Contains(CardTexts.Get("NotAllowed_Title", "fr-CA"), CardQuery.Text(card));
        Assert.Equal(Tip, (await world.QueryAsync(db => db.Tips.AsNoTracking().SingleAsync())).Text);
        Assert.DoesNotContain(world.CallsTo(CommunityChannel.ChannelId), c => c.Method == "PUT");
        var refused = await world.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Outcome == AuditOutcomes.Refused));
        Assert.Equal((CardVerbs.TipHide, world.Ap.AadObjectId, Refusals.NotCoordinator), (refused.Action, refused.ActorAadObjectId, refused.Reason));
    }

    [SkippableTheory]
    [InlineData("fr-CA", "configurer")]
    [InlineData("en", "setup")]
    public async Task An_admin_binds_the_community_channel_and_binding_another_moves_it(string locale, string word)
    {
        await using var world = await World.StartAsync(database, locale);
        var other = new Where.Channel("19:team-community@thread.tacv2", "19:community-2@thread.tacv2");

        await world.Teams.SayAsync(world.Admin, word, CommunityChannel);
        var choose = world.LastCallTo(CommunityChannel.ThreadId).Card!;
        Assert.True(CardQuery.HasVerb(choose, CardVerbs.SetupCommunityChannel));
        var bound = await world.Teams.ClickAsync(world.Admin, CardVerbs.SetupCommunityChannel, new JsonObject(), CommunityChannel, "setup");
        Assert.Contains(CardTexts.Get("SetupCommunityBound", locale), CardQuery.Text(bound));
        Assert.DoesNotContain(CardTexts.Get("SetupCommunityMoved", locale), CardQuery.Text(bound));

        await world.Teams.SayAsync(world.Admin, word, other);
        var moved = await world.Teams.ClickAsync(world.Admin, CardVerbs.SetupCommunityChannel, new JsonObject(), other, "setup");

        Assert.Contains(CardTexts.Get("SetupCommunityMoved", locale), CardQuery.Text(moved));
        var binding = await world.QueryAsync(db => db.CommunityChannels.SingleAsync());
        Assert.Equal(other.ChannelId, binding.ChannelId);
        Assert.Equal(2, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == CardVerbs.SetupCommunityChannel && e.Outcome == AuditOutcomes.Done)));
        Assert.Equal(0, await world.QueryAsync(db => db.CoordinatorChannels.CountAsync())); // the community is no establishment's
    }

    [SkippableFact]
    public async Task Someone_who_is_not_an_admin_cannot_bind_the_community_channel_and_the_attempt_is_audited()
    {
        await using var world = await World.StartAsync(database);

        await world.Teams.SayAsync(world.Coordinator, "setup", CommunityChannel);
        var clicked = await world.Teams.ClickAsync(world.Coordinator, CardVerbs.SetupCommunityChannel, new JsonObject(), CommunityChannel, "setup");

        Assert.Contains(CardTexts.Get("SetupRefused_Text", "fr-CA"), CardQuery.Text(clicked));
        Assert.Equal(0, await world.QueryAsync(db => db.CommunityChannels.CountAsync()));
        var refused = await world.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Outcome == AuditOutcomes.Refused && e.Action == CardVerbs.SetupCommunityChannel));
        Assert.Equal(Refusals.NotAdmin, refused.Reason);
    }

    [SkippableFact]
    public async Task A_tip_s_text_is_erased_a_year_after_it_was_posted_while_who_shared_it_and_when_stay()
    {
        await using var world = await World.StartAsync(database);
        await BindCommunityAsync(world);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);
        await PostTipAsync(world, "astuce", Tip);

        await world.AdvanceAsync(TimeSpan.FromDays(364));
        Assert.Equal(Tip, (await world.QueryAsync(db => db.Tips.AsNoTracking().SingleAsync())).Text);
        await world.AdvanceAsync(TimeSpan.FromDays(2));

        var tip = await world.QueryAsync(db => db.Tips.AsNoTracking().SingleAsync());
        Assert.Null(tip.Text);
        Assert.Equal("E1", tip.EstablishmentId);
    }

    [SkippableFact]
    public async Task Once_the_app_is_removed_from_the_community_team_tips_wait_in_the_form_until_setup_is_run_again()
    {
        await using var world = await World.StartAsync(database);
        await BindCommunityAsync(world);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);

        await world.Teams.InstallAsync(world.Admin, CommunityChannel, "remove");
        var form = await PostTipAsync(world, "astuce", Tip);

        Assert.Contains(CardTexts.Get("TipRefused_NoChannel", "fr-CA"), CardQuery.Text(form));
        Assert.Equal(0, await world.QueryAsync(db => db.CommunityChannels.CountAsync()));
        Assert.Equal(1, await world.QueryAsync(db => db.CoordinatorChannels.CountAsync())); // another team's binding stays
    }

    private static async Task BindCommunityAsync(World world)
    {
        await world.Teams.SayAsync(world.Admin, "setup", CommunityChannel);
        await world.Teams.ClickAsync(world.Admin, CardVerbs.SetupCommunityChannel, new JsonObject(), CommunityChannel, "setup-card");
    }

    /// <summary>Opens the tip form with the command word and types the tip in it.</summary>
    private static async Task<JsonObject> TipDataAsync(World world, string word, string text)
    {
        await world.Teams.SayAsync(world.Ap, word, World.Personal);
        var form = world.LastCallTo(world.Ap.PersonalConversationId).Card!;
        var data = CardQuery.ActionData(form, CardVerbs.TipSubmit)!.DeepClone().AsObject();
        Assert.NotNull(data["formId"]);
        data["text"] = text;
        return data;
    }

    private static async Task<JsonNode> PostTipAsync(World world, string word, string text) =>
        await SubmitAsync(world, await TipDataAsync(world, word, text));

    private static Task<JsonNode> SubmitAsync(World world, JsonObject data) =>
        world.Teams.ClickAsync(world.Ap, CardVerbs.TipSubmit, data, World.Personal, "tip-form");
}

public sealed class CommunityOnSqlite() : CommunityTests(Databases.Sqlite);

public sealed class CommunityOnPostgres() : CommunityTests(Databases.Postgres);
