using System.Text.Json;
using System.Text.Json.Nodes;
using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

public class ActionDataTests
{
    public static TheoryData<string, string> Cards => CardSamples.EveryCardInEveryLanguage();

    [Theory, MemberData(nameof(Cards))]
    public void Every_execute_action_uses_a_contract_verb(string name, string culture)
    {
        var verbs = typeof(CardVerbs).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();

        Assert.All(CardTree.Of(CardSamples.Build(name, culture)).Executes(), action => Assert.Contains((string)action["verb"]!, verbs));
    }

    [Theory, MemberData(nameof(Cards))]
    public void Action_data_reads_back_as_card_action_data(string name, string culture)
    {
        var contractKeys = typeof(CardActionData).GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false)
                .Cast<System.Text.Json.Serialization.JsonPropertyNameAttribute>().Single().Name)
            .ToHashSet();

        Assert.All(CardTree.Of(CardSamples.Build(name, culture)).Executes(), action =>
        {
            var data = action["data"]!.AsObject();
            Assert.All(data, pair => Assert.Contains(pair.Key, contractKeys));
            Assert.NotNull(data.Deserialize<CardActionData>());
        });
    }

    [Theory]
    [InlineData("referral-form", CardVerbs.ReferralSubmit, "formId", "form-1")]
    [InlineData("ap-registration", CardVerbs.ApRegister, "formId", "form-1")]
    [InlineData("coordinators-pending", CardVerbs.ReferralApprove, "referralId", "7d0f9a52-3c55-4a8e-9d8b-1f1c2e3d4a5b")]
    [InlineData("coordinators-pending", CardVerbs.ReferralDecline, "referralId", "7d0f9a52-3c55-4a8e-9d8b-1f1c2e3d4a5b")]
    [InlineData("coordinators-no-suggestion", CardVerbs.ReferralDecline, "referralId", "7d0f9a52-3c55-4a8e-9d8b-1f1c2e3d4a5b")]
    [InlineData("assignment-offered", CardVerbs.AssignmentAccept, "referralId", "7d0f9a52-3c55-4a8e-9d8b-1f1c2e3d4a5b")]
    [InlineData("assignment-offered", CardVerbs.AssignmentDecline, "referralId", "7d0f9a52-3c55-4a8e-9d8b-1f1c2e3d4a5b")]
    [InlineData("ap-approval-pending", CardVerbs.ApApprove, "apId", "11111111-1111-1111-1111-111111111111")]
    [InlineData("ap-approval-pending", CardVerbs.ApReject, "apId", "11111111-1111-1111-1111-111111111111")]
    [InlineData("ap-profile-approved", CardVerbs.ApPause, "apId", "11111111-1111-1111-1111-111111111111")]
    [InlineData("ap-profile-paused", CardVerbs.ApResume, "apId", "11111111-1111-1111-1111-111111111111")]
    [InlineData("logbook-form", CardVerbs.LogbookSubmit, "referralId", "7d0f9a52-3c55-4a8e-9d8b-1f1c2e3d4a5b")]
    [InlineData("logbook-form", CardVerbs.LogbookSubmit, "formId", "form-4")]
    [InlineData("logbook-saved", CardVerbs.LogbookOpen, "referralId", "7d0f9a52-3c55-4a8e-9d8b-1f1c2e3d4a5b")]
    [InlineData("reminder-overdue", CardVerbs.LogbookOpen, "referralId", "7d0f9a52-3c55-4a8e-9d8b-1f1c2e3d4a5b")]
    [InlineData("escalation-alert", CardVerbs.EscalationAcknowledge, "escalationId", "33333333-3333-3333-3333-333333333333")]
    public void Actions_carry_the_key_their_handler_reads(string card, string verb, string key, string value)
    {
        var action = CardTree.Of(CardSamples.Build(card, "en")).Executes().Single(a => (string?)a["verb"] == verb);

        Assert.Equal(value, (string?)action["data"]![key]);
    }

    [Fact]
    public void Setup_sends_the_chosen_establishment()
    {
        var tree = CardTree.Of(CardSamples.Build("setup-choose", "fr-CA"));

        Assert.Single(tree.Executes(), a => (string?)a["verb"] == CardVerbs.SetupCoordinatorChannel);
        Assert.Equal(["chum", "cusm"], tree.Input("establishmentId")["choices"]!.AsArray().Select(c => (string?)c!["value"]));
    }

    [Theory]
    [InlineData("setup-choose")]
    [InlineData("setup-choose-none")]
    public void Setup_offers_the_community_of_practice_without_asking_for_an_establishment(string card)
    {
        var community = CardTree.Of(CardSamples.Build(card, "en")).Executes().Single(a => (string?)a["verb"] == CardVerbs.SetupCommunityChannel);

        Assert.Equal("Community of practice", (string?)community["title"]);
        Assert.Equal("none", (string?)community["associatedInputs"]); // the establishment choice is required for the other button only
    }

    [Fact]
    public void Inputs_use_the_contract_keys_so_teams_merges_them_into_the_action_data()
    {
        var referral = CardTree.Of(CardSamples.Build("referral-form", "en"));
        var ap = CardTree.Of(CardSamples.Build("ap-registration", "en"));

        Assert.All(["patientCode", "consent", "establishmentId", "cancerType", "ageBand", "language", "modality", "needs", "phone", "note"],
            id => Assert.True(referral.HasInput(id), id));
        Assert.All(["establishmentId", "languages", "cancerTypes", "ageBand", "modalities", "capacity"],
            id => Assert.True(ap.HasInput(id), id));
        Assert.All(["referralId", "outcome", "satisfaction"], id => Assert.True(CardTree.Of(CardSamples.Build("logbook-pick", "en")).HasInput(id), id));
    }

    [Fact]
    public void Closing_an_accompaniment_reads_back_with_the_chosen_referral_outcome_and_satisfaction()
    {
        // What Teams sends: the action's data (empty) merged with the show-card's inputs.
        var merged = JsonNode.Parse("""{"referralId":"7d0f9a52-3c55-4a8e-9d8b-1f1c2e3d4a5b","outcome":"completed","satisfaction":"4"}""")!;

        var data = merged.Deserialize<CardActionData>()!;

        Assert.Equal(("7d0f9a52-3c55-4a8e-9d8b-1f1c2e3d4a5b", "completed", "4"), (data.ReferralId, data.Outcome, data.Satisfaction));
    }

    [Fact]
    public void An_invoke_merged_by_teams_reads_back_into_card_action_data()
    {
        var merged = JsonNode.Parse("""{"referralId":"r1","apId":"a1","reason":"Pas de place"}""")!;

        var data = merged.Deserialize<CardActionData>()!;

        Assert.Equal(("r1", "a1", "Pas de place"), (data.ReferralId, data.ApId, data.Reason));
    }
}
