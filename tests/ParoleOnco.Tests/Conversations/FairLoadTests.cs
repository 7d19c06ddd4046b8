using System.Text.Json.Nodes;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>Fair load: among APs who fit a patient equally well, the one offered a patient least recently is suggested first.</summary>
public abstract class FairLoadTests(Func<Task<TestDatabase>> database)
{
    [SkippableFact]
    public async Task An_AP_who_just_declined_is_not_offered_the_next_patient_first()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        var marie = await world.ApprovedApAsync(world.Ap);
        var paula = await world.ApprovedApAsync(world.SecondAp);
        var first = await world.SubmitReferralAsync(world.Clinician);
        Assert.Equal(marie, PreselectedAp(world)); // same fit, never offered: name order
        await OfferAsync(world, first, marie);
        await world.Teams.ClickAsync(world.Ap, CardVerbs.AssignmentDecline, new JsonObject { ["referralId"] = first }, World.Personal, "offer");

        await world.SubmitReferralAsync(world.Clinician);

        Assert.Equal(paula, PreselectedAp(world));
        var text = CardQuery.Text(world.LastCallTo(World.E1Channel.ChannelId).Card!);
        Assert.Contains(CardTexts.Get("LastOfferedToday", "fr-CA"), text);
        Assert.Contains(CardTexts.Get("NoPatientOfferedYet", "fr-CA"), text);
    }

    [SkippableFact]
    public async Task Among_APs_who_fit_equally_the_one_offered_least_recently_comes_first_and_the_card_says_how_long_ago()
    {
        await using var world = await World.StartAsync(database);
        await world.BindE1ChannelAsync();
        var marie = await world.ApprovedApAsync(world.Ap);
        var paula = await world.ApprovedApAsync(world.SecondAp);
        await AcceptedAsync(world, await world.SubmitReferralAsync(world.Clinician), paula, world.SecondAp);
        await world.AdvanceAsync(TimeSpan.FromDays(5));
        await AcceptedAsync(world, await world.SubmitReferralAsync(world.Clinician), marie, world.Ap);
        await world.AdvanceAsync(TimeSpan.FromDays(12) + TimeSpan.FromHours(3));

        await world.SubmitReferralAsync(world.OtherClinician);

        Assert.Equal(paula, PreselectedAp(world)); // first by name order otherwise
        var text = CardQuery.Text(world.LastCallTo(World.E1Channel.ChannelId).Card!);
        Assert.Contains(string.Format(CardTexts.Get("LastOfferedDaysAgo", "fr-CA"), 17), text);
        Assert.Contains(string.Format(CardTexts.Get("LastOfferedDaysAgo", "fr-CA"), 12), text);
    }

    private static Task OfferAsync(World world, string referralId, string apId) =>
        world.Teams.ClickAsync(world.Coordinator, CardVerbs.ReferralApprove, new JsonObject { ["referralId"] = referralId, ["apId"] = apId }, World.E1Channel, "card");

    private static async Task AcceptedAsync(World world, string referralId, string apId, TestUser ap)
    {
        await OfferAsync(world, referralId, apId);
        await world.Teams.ClickAsync(ap, CardVerbs.AssignmentAccept, new JsonObject { ["referralId"] = referralId }, World.Personal, "offer");
    }

    private static string? PreselectedAp(World world)
    {
        var card = world.LastCallTo(World.E1Channel.ChannelId).Card!;
        return CardQuery.Input(card, "apId")?["value"]?.GetValue<string>();
    }
}

public sealed class FairLoadOnSqlite() : FairLoadTests(Databases.Sqlite);

public sealed class FairLoadOnPostgres() : FairLoadTests(Databases.Postgres);
