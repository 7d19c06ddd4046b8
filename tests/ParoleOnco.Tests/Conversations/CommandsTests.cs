using System.Net;
using System.Text.Json.Nodes;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>Typed commands in both languages, answered by role; each person sees only their own referrals or patients.</summary>
public sealed class CommandsTests
{
    [Theory]
    [InlineData("fr-CA", "aide")]
    [InlineData("en-US", "help")]
    public async Task Help_answers_by_role_and_says_what_an_AP_is_not(string locale, string word)
    {
        await using var world = await World.StartAsync(Databases.Sqlite, locale);
        await world.BindE1ChannelAsync();
        await world.ApprovedApAsync(world.Ap);

        await world.Teams.SayAsync(world.Clinician, word, World.Personal);
        await world.Teams.SayAsync(world.Ap, word, World.Personal);
        await world.Teams.SayAsync(world.Coordinator, word, World.E1Channel);

        var clinician = CardQuery.Text(world.LastCallTo(world.Clinician.PersonalConversationId).Card!);
        var ap = CardQuery.Text(world.LastCallTo(world.Ap.PersonalConversationId).Card!);
        var coordinator = CardQuery.Text(world.LastCallTo(World.E1Channel.ThreadId).Card!);
        Assert.Contains(CardTexts.Get("HelpIntro_Clinician", locale), clinician);
        Assert.Contains(CardTexts.Get("HelpIntro_AccompanyingPatient", locale), ap);
        Assert.Contains(CardTexts.Get("HelpIntro_Coordinator", locale), coordinator);
        Assert.All(new[] { clinician, ap, coordinator }, text => Assert.Contains(CardTexts.Get("HelpApIsNot", locale), text));
    }

    [Fact]
    public async Task In_a_channel_the_bot_answers_only_messages_that_mention_it()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        int Posts() => world.Connector.Calls.Count(c => c.Method == "POST");
        var before = Posts();

        // The manifest's ChannelMessage.Read.Group makes Teams send the bot every message of the channel.
        await world.Teams.ChatInChannelAsync(world.Coordinator, "help", World.E1Channel);
        Assert.Equal(before, Posts());

        await world.Teams.SayAsync(world.Coordinator, "help", World.E1Channel);
        Assert.Equal(before + 1, Posts());
    }

    [Fact]
    public async Task A_clinician_sees_only_their_own_referrals()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var mine = await world.ReferralFormAsync(world.Clinician);
        mine["patientCode"] = "MINE-001";
        await world.SubmitReferralAsync(world.Clinician, mine);
        var theirs = await world.ReferralFormAsync(world.OtherClinician);
        theirs["patientCode"] = "OTHR-002";
        await world.SubmitReferralAsync(world.OtherClinician, theirs);

        await world.Teams.SayAsync(world.Clinician, "références", World.Personal);

        var list = CardQuery.Text(world.LastCallTo(world.Clinician.PersonalConversationId).Card!);
        Assert.Contains("MINE-001", list);
        Assert.DoesNotContain("OTHR-002", list);
    }

    [Fact]
    public async Task The_queue_lists_open_referrals_to_coordinators_only()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        await world.SubmitReferralAsync(world.Clinician);

        await world.Teams.SayAsync(world.Coordinator, "attente", World.E1Channel);
        await world.Teams.SayAsync(world.Clinician, "queue", World.Personal);

        Assert.Contains("CHUM-0042", CardQuery.Text(world.LastCallTo(World.E1Channel.ThreadId).Card!));
        Assert.DoesNotContain("CHUM-0042", CardQuery.Text(world.LastCallTo(world.Clinician.PersonalConversationId).Card!));
    }

    [Fact]
    public async Task An_AP_sees_their_own_patients_with_the_phone()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);
        await world.BindE1ChannelAsync();
        var apId = await world.ApprovedApAsync(world.Ap);
        await world.ApprovedApAsync(world.SecondAp);
        var referralId = await world.SubmitReferralAsync(world.Clinician);
        await world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "c");
        await world.Teams.ClickAsync(world.Ap, CardVerbs.AssignmentAccept, new JsonObject { ["referralId"] = referralId }, World.Personal, "offer");

        await world.Teams.SayAsync(world.Ap, "patients", World.Personal);
        await world.Teams.SayAsync(world.SecondAp, "patients", World.Personal);

        Assert.Contains("514 555-0199", CardQuery.Text(world.LastCallTo(world.Ap.PersonalConversationId).Card!));
        Assert.DoesNotContain("CHUM-0042", CardQuery.Text(world.LastCallTo(world.SecondAp.PersonalConversationId).Card!));
    }

    [Fact]
    public async Task Health_answers_once_the_database_is_reachable()
    {
        await using var world = await World.StartAsync(Databases.Sqlite);

        var response = await world.CreateHttpClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/privacy.html")]
    [InlineData("/terms.html")]
    public async Task The_pages_the_Teams_manifest_links_to_exist(string path)
    {
        await using var world = await World.StartAsync(Databases.Sqlite);

        var response = await world.CreateHttpClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ParoleOnco", await response.Content.ReadAsStringAsync());
    }
}
