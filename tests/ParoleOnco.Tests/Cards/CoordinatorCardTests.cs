using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

public class CoordinatorCardTests
{
    /// <summary>The cards every coordinator sees; the revealed phone goes only to the coordinator who asked.</summary>
    public static TheoryData<string, string> CoordinatorCards()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in CardSamples.All.Keys.Where(k => (k.StartsWith("coordinators-") || k.StartsWith("queue")) && k != "coordinators-phone-revealed"))
        {
            data.Add(name, "fr-CA");
            data.Add(name, "en");
        }

        return data;
    }

    [Theory, MemberData(nameof(CoordinatorCards))]
    public void Coordinator_card_never_shows_the_patient_phone_nor_the_note(string name, string culture)
    {
        var json = CardSamples.Build(name, culture).ToJson();

        Assert.DoesNotContain(CardSamples.Phone, json);
        Assert.DoesNotContain(CardSamples.PhoneShown, json);
        Assert.DoesNotContain(CardSamples.Note, json);
    }

    [Fact]
    public void A_pending_referral_lists_the_ranked_suggestions_with_score_and_localized_reasons()
    {
        var text = CardTree.Of(CardSamples.Build("coordinators-pending", "fr-CA")).Text();

        Assert.Contains("Louise Bergeron · pointage 92", text);
        Assert.Contains("Même type de cancer, Parle la langue de la personne, Même tranche d'âge", text);
        Assert.True(text.IndexOf("Louise Bergeron", StringComparison.Ordinal) < text.IndexOf("Sophie Côté", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr-CA", "Même tranche d'âge, Dernière proposition il y a 12 jours", "Peut accompagner une personne de plus, Aucune personne proposée jusqu'ici")]
    [InlineData("en", "Same age band, Last offered 12 days ago", "Has room for another patient, No patient offered yet")]
    public void A_suggestion_says_when_the_AP_was_last_offered_a_patient(string culture, string offered, string never)
    {
        var text = CardTree.Of(CardSamples.Build("coordinators-pending", culture)).Text();

        Assert.Contains(offered, text);
        Assert.Contains(never, text);
    }

    [Theory]
    [InlineData(0, "Dernière proposition aujourd'hui", "Last offered today")]
    [InlineData(1, "Dernière proposition il y a 1 jour", "Last offered 1 day ago")]
    public void A_recent_last_offer_reads_naturally(int days, string french, string english)
    {
        IReadOnlyList<SuggestionView> suggestions = [CardSamples.Suggestions()[0] with { DaysSinceLastOffer = days }];

        Assert.Contains(french, CardTree.Of(ReferralCards.ForCoordinators(CardSamples.Referral(), suggestions, [], CardSamples.French)).Text());
        Assert.Contains(english, CardTree.Of(ReferralCards.ForCoordinators(CardSamples.Referral(), suggestions, [], CardSamples.English)).Text());
    }

    [Fact]
    public void The_ap_choice_offers_the_suggested_aps_and_preselects_the_best()
    {
        var apId = CardTree.Of(CardSamples.Build("coordinators-pending", "en")).Input("apId");

        Assert.Equal(CardSamples.Suggestions().Select(s => s.ApId.ToString()), apId["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.Equal("11111111-1111-1111-1111-111111111111", (string?)apId["value"]);
    }

    [Fact]
    public void Declining_asks_for_a_reason_inside_a_show_card()
    {
        var showCard = CardTree.Of(CardSamples.Build("coordinators-pending", "fr-CA")).OfType("Action.ShowCard").Single();
        var inner = CardTree.Of(ParoleOnco.Cards.Model.AdaptiveCard.FromJson(showCard["card"]!.ToJsonString()));

        Assert.Equal("Refuser…", (string?)showCard["title"]);
        Assert.Equal("Input.Text", (string?)inner.Input("reason")["type"]);
        Assert.Equal(CardVerbs.ReferralDecline, (string?)inner.Executes().Single()["verb"]);
    }

    [Fact]
    public void Without_suggestions_the_card_says_so_and_can_only_decline()
    {
        var tree = CardTree.Of(CardSamples.Build("coordinators-no-suggestion", "en"));

        Assert.Contains("No available AP matches this referral", tree.Text());
        Assert.False(tree.HasInput("apId"));
        Assert.DoesNotContain(tree.Executes(), a => (string?)a["verb"] == CardVerbs.ReferralApprove);
        Assert.Single(tree.OfType("Action.ShowCard"));
    }

    [Theory]
    [InlineData("coordinators-matched", "Jumelage approuvé par Marie Tremblay le {{DATE(")]
    [InlineData("coordinators-accepted", "Jumelage approuvé par Marie Tremblay le {{DATE(")]
    [InlineData("coordinators-declined", "Référence refusée par Marie Tremblay le {{DATE(")]
    public void A_decided_referral_shows_who_decided_and_when_and_no_more_decisions(string name, string decided)
    {
        var card = CardSamples.Build(name, "fr-CA");
        var tree = CardTree.Of(card);

        Assert.Contains(decided, tree.Text());
        Assert.Equal([CardVerbs.ReferralPhone], tree.Actions().Select(a => (string?)a["verb"]));
        Assert.False(tree.HasInput("apId"));
        Assert.Null(card.Refresh);
    }

    [Fact]
    public void A_closed_referral_says_the_accompaniment_ended_and_no_longer_offers_the_phone()
    {
        var tree = CardTree.Of(CardSamples.Build("coordinators-closed", "fr-CA"));

        Assert.Contains("Accompagnement terminé", tree.Text());
        Assert.Contains("Jumelage approuvé par Marie Tremblay le {{DATE(", tree.Text());
        Assert.Empty(tree.Actions());
    }

    [Theory]
    [InlineData("referral-status-closed", "Accompaniment ended", "The accompaniment has ended.")]
    [InlineData("clinician-list", "Accompaniment ended", null)]
    public void A_closed_referral_is_labelled_for_the_clinician(string name, string label, string? explanation)
    {
        var text = CardTree.Of(CardSamples.Build(name, "en")).Text();

        Assert.Contains(label, text);
        Assert.True(explanation is null || text.Contains(explanation));
    }

    [Fact]
    public void The_phone_shows_only_when_revealed_to_the_coordinator_who_asked()
    {
        var hidden = CardTree.Of(ReferralCards.ForCoordinators(CardSamples.Referral(), CardSamples.Suggestions(), [], CardSamples.French));
        var revealed = CardTree.Of(ReferralCards.ForCoordinators(CardSamples.Referral(), CardSamples.Suggestions(), [], CardSamples.French, CardSamples.Phone));

        Assert.DoesNotContain("5550199", hidden.Root.ToJsonString());
        Assert.Contains(hidden.Executes(), a => (string?)a["verb"] == CardVerbs.ReferralPhone);
        Assert.Contains("514 555-0199", revealed.Text());
        Assert.Contains(revealed.Actions(), a => (string?)a["url"] == "tel:+15145550199");
    }

    [Theory]
    [InlineData("coordinators-pick-refused", "en", "The AP you chose can no longer take this patient")]
    [InlineData("coordinators-pick-refused", "fr-CA", "Le ou la PA choisi·e ne peut plus accompagner cette personne")]
    [InlineData("coordinators-reason-refused", "en", "Give a reason to decline")]
    [InlineData("coordinators-reason-refused", "fr-CA", "Indiquez un motif pour refuser")]
    public void A_decision_that_did_not_go_through_says_why_above_a_card_still_open_to_decide(string sample, string culture, string why)
    {
        var tree = CardTree.Of(CardSamples.Build(sample, culture));

        Assert.Contains(why, tree.Text());
        Assert.Contains(tree.Executes(), a => (string?)a["verb"] == CardVerbs.ReferralApprove);
    }

    [Fact]
    public void A_declined_referral_shows_the_reason()
    {
        Assert.Contains("Aucun PA disponible en arabe", CardTree.Of(CardSamples.Build("coordinators-declined", "en")).Text());
    }

    [Fact]
    public void A_pending_referral_refreshes_through_the_refresh_verb_for_at_most_60_users()
    {
        var card = ReferralCards.ForCoordinators(CardSamples.Referral(), CardSamples.Suggestions(), CardSamples.RefreshUsers(75), CardSamples.French);
        var refresh = CardTree.Of(card).Root["refresh"]!;

        Assert.Equal(CardVerbs.ReferralRefresh, (string?)refresh["action"]!["verb"]);
        Assert.Equal(CardSamples.Referral().Id.ToString(), (string?)refresh["action"]!["data"]!["referralId"]);
        Assert.Equal(60, refresh["userIds"]!.AsArray().Count);
        Assert.Equal("29:user-1", (string?)refresh["userIds"]![0]);
    }

    [Fact]
    public void A_long_queue_shows_its_first_items_and_says_how_many_there_are()
    {
        var tree = CardTree.Of(CardSamples.Build("queue-long", "en"));

        Assert.Equal(20, tree.Body.Count(e => (string?)e!["type"] == "Container"));
        Assert.Contains("Showing 20 of 100.", tree.Text());
    }
}
