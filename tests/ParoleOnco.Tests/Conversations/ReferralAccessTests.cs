using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>
/// Who may refer where: an establishment with <c>ClinicianGroupIds</c> takes referrals from members of those Entra
/// groups alone (asked of Microsoft Graph); one without, from any member of the tenant; a guest, nowhere.
/// </summary>
public abstract class ReferralAccessTests(Func<Task<TestDatabase>> database)
{
    private const string E1Clinicians = "6c1f8a52-0b7e-4e43-9d1e-e1c11c1a0001";

    [SkippableFact]
    public async Task Only_members_of_an_establishments_clinician_groups_are_offered_it_and_may_refer_to_it()
    {
        await using var world = await E1GroupWorldAsync();
        GraphStandIn.Directory(world.Database).AddToGroup(E1Clinicians, world.Clinician);

        var member = await world.ReferralFormAsync(world.Clinician);
        await world.Teams.SayAsync(world.OtherClinician, "refer", World.Personal);
        var otherForm = world.LastCallTo(world.OtherClinician.PersonalConversationId).Card!;
        await world.SubmitReferralAsync(world.Clinician, member);

        Assert.DoesNotContain("E1", CardQuery.Choices(otherForm, "establishmentId").Keys);
        Assert.Contains("E2", CardQuery.Choices(otherForm, "establishmentId").Keys);
        Assert.Equal(1, await world.QueryAsync(db => db.Referrals.CountAsync(r => r.EstablishmentId == "E1")));
    }

    [SkippableFact]
    public async Task Submitting_an_establishment_one_may_not_refer_to_is_refused_with_the_form_kept()
    {
        await using var world = await E1GroupWorldAsync();
        var form = World.Fill(new JsonObject { ["formId"] = "forged" }); // E1, which the form did not offer

        var refused = await world.Teams.ClickAsync(world.OtherClinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");

        Assert.True(CardQuery.HasVerb(refused, CardVerbs.ReferralSubmit));
        Assert.Contains(CardTexts.Get("Error_establishmentNotAllowed", world.OtherClinician.Locale), CardQuery.Text(refused));
        Assert.Equal("CHUM-0042", CardQuery.Input(refused, "patientCode")!["value"]!.GetValue<string>());
        Assert.DoesNotContain("E1", CardQuery.Choices(refused, "establishmentId").Keys);
        Assert.Equal(0, await world.QueryAsync(db => db.Referrals.CountAsync()));
    }

    [SkippableFact]
    public async Task A_guest_may_refer_nowhere_even_to_an_establishment_open_to_the_whole_tenant()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        GraphStandIn.Directory(world.Database).AddGuest(world.Clinician);

        await world.Teams.SayAsync(world.Clinician, "refer", World.Personal);
        var refusal = world.LastCallTo(world.Clinician.PersonalConversationId).Card!;
        var submitted = await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralSubmit, World.Fill(new JsonObject { ["formId"] = "f" }), World.Personal, "form");

        Assert.Contains(CardTexts.Get("NoEstablishmentToReferTo_Title", "fr-CA"), CardQuery.Text(refusal));
        Assert.False(CardQuery.HasVerb(refusal, CardVerbs.ReferralSubmit));
        Assert.Contains(CardTexts.Get("NoEstablishmentToReferTo_Title", "fr-CA"), CardQuery.Text(submitted));
        Assert.Equal(0, await world.QueryAsync(db => db.Referrals.CountAsync()));
    }

    [SkippableFact]
    public async Task Graph_unreachable_refuses_referrals_with_a_try_again_message_and_keeps_the_form()
    {
        await using var world = await E1GroupWorldAsync();
        GraphStandIn.Directory(world.Database).Unreachable = true;

        var refused = await world.Teams.ClickAsync(world.Clinician, CardVerbs.ReferralSubmit, World.Fill(new JsonObject { ["formId"] = "f" }), World.Personal, "referral-form");
        await world.Teams.SayAsync(world.OtherClinician, "refer", World.Personal);

        Assert.Contains(CardTexts.Get("Error_accessCheckFailed", "fr-CA"), CardQuery.Text(refused));
        Assert.Equal("CHUM-0042", CardQuery.Input(refused, "patientCode")!["value"]!.GetValue<string>());
        Assert.Contains(CardTexts.Get("AccessCheckFailed_Title", world.OtherClinician.Locale), CardQuery.Text(world.LastCallTo(world.OtherClinician.PersonalConversationId).Card!));
        Assert.Equal(0, await world.QueryAsync(db => db.Referrals.CountAsync()));
    }

    [SkippableFact]
    public async Task The_answer_of_the_directory_is_kept_a_few_minutes()
    {
        await using var world = await E1GroupWorldAsync();
        GraphStandIn.Directory(world.Database).AddToGroup(E1Clinicians, world.Clinician);

        await world.SubmitReferralAsync(world.Clinician);

        Assert.Equal(2, GraphStandIn.Directory(world.Database).Requests); // userType and checkMemberGroups, once for the form and the submit
    }

    [SkippableFact]
    public async Task In_local_anonymous_mode_without_a_directory_sites_open_to_the_tenant_stay_open_and_group_sites_stay_closed()
    {
        await using var world = await World.StartAsync(database, settings: new Dictionary<string, string>
        {
            ["Graph:BaseUrl"] = "https://graph.microsoft.com/v1.0", // not on the loopback: anonymous mode cannot use it
            ["ParoleOnco:Establishments:1:ClinicianGroupIds:0"] = E1Clinicians,
        });
        await world.BindE1ChannelAsync();

        await world.SubmitReferralAsync(world.Clinician);
        await world.Teams.SayAsync(world.OtherClinician, "refer", World.Personal);

        Assert.Equal(1, await world.QueryAsync(db => db.Referrals.CountAsync(r => r.EstablishmentId == "E1")));
        Assert.DoesNotContain("E2", CardQuery.Choices(world.LastCallTo(world.OtherClinician.PersonalConversationId).Card!, "establishmentId").Keys);
        Assert.Equal(0, GraphStandIn.Directory(world.Database).Requests);
    }

    private async Task<World> E1GroupWorldAsync()
    {
        var world = await World.StartAsync(database, settings: new Dictionary<string, string> { ["ParoleOnco:Establishments:0:ClinicianGroupIds:0"] = E1Clinicians });
        await world.BindE1ChannelAsync();
        return world;
    }
}

public sealed class ReferralAccessOnSqlite() : ReferralAccessTests(Databases.Sqlite);

public sealed class ReferralAccessOnPostgres() : ReferralAccessTests(Databases.Postgres);
