using ParoleOnco.Cards;
using ParoleOnco.Cards.Model;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Cards;

public class LogbookPickCardTests
{
    [Fact]
    public void Each_accompaniment_has_its_own_button_to_write_an_entry_inside_its_container()
    {
        var tree = CardTree.Of(CardSamples.Build("logbook-pick", "en"));
        var items = tree.Body.Where(e => (string?)e!["type"] == "Container").ToList();

        Assert.Equal(3, items.Count);
        Assert.All(items.Select((item, i) => (item, i)), x =>
        {
            var open = x.item!["items"]!.AsArray().Single(e => (string?)e!["type"] == "ActionSet")!["actions"]!.AsArray().Single()!;
            Assert.Equal(CardVerbs.LogbookOpen, (string?)open["verb"]);
            Assert.Equal(CardSamples.Accompaniments(3)[x.i].Referral.Id.ToString(), (string?)open["data"]!["referralId"]);
            Assert.Equal("Write a logbook entry", (string?)open["title"]);
        });
    }

    [Fact]
    public void An_accompaniment_shows_its_patient_needs_acceptance_last_contact_and_entries()
    {
        var text = CardTree.Of(CardSamples.Build("logbook-pick", "fr-CA")).Text();

        Assert.Contains("Patient·e QC-7F3K0", text);
        Assert.Contains("Soutien émotionnel, Navigation dans le réseau de la santé", text);
        Assert.Contains("{{DATE(2026-03-14T19:09:26Z,SHORT)}}", text); // accepted
        Assert.Contains("{{DATE(2026-03-17T19:09:26Z,SHORT)}}", text); // last contact of the first
        Assert.Contains("Aucun pour l'instant", text); // the second has none yet
        Assert.Contains("Entrées au journal", text);
    }

    [Fact]
    public void Ending_an_accompaniment_asks_which_one_how_it_ended_and_the_satisfaction_the_patient_reported()
    {
        var showCard = CardTree.Of(CardSamples.Build("logbook-pick", "en")).OfType("Action.ShowCard").Single();
        var inner = CardTree.Of(AdaptiveCard.FromJson(showCard["card"]!.ToJsonString()));

        Assert.Equal("End an accompaniment…", (string?)showCard["title"]);
        Assert.Equal(CardSamples.Accompaniments(3).Select(a => a.Referral.Id.ToString()), Values(inner, "referralId"));
        Assert.Null(inner.Input("referralId")["value"]);
        Assert.Equal(Vocabulary.Outcomes, Values(inner, "outcome"));
        Assert.True((bool?)inner.Input("outcome")["isRequired"]);
        Assert.Equal(["1", "2", "3", "4", "5"], Values(inner, "satisfaction"));
        Assert.Null(inner.Input("satisfaction")["isRequired"]);
        Assert.Contains("as reported by the patient", (string?)inner.Input("satisfaction")["label"]);
        Assert.Equal(CardVerbs.AccompanimentClose, (string?)inner.Executes().Single()["verb"]);
    }

    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en")]
    public void The_closing_form_sent_back_keeps_the_choices_and_says_the_outcome_is_missing(string locale)
    {
        var tree = CardTree.Of(CardSamples.Build("logbook-close-errors", locale));
        var sent = CardSamples.CloseFormWithErrors();

        Assert.Equal(sent.Values.ReferralId, (string?)tree.Input("referralId")["value"]);
        Assert.Equal("4", (string?)tree.Input("satisfaction")["value"]);
        Assert.Null(tree.Input("outcome")["value"]);
        Assert.Contains(CardTexts.Get("Error_required", locale), tree.Text());
        Assert.Contains(CardTexts.Get("FormHasErrors", locale), tree.Text());
        Assert.Equal(CardVerbs.AccompanimentClose, (string?)tree.Executes().Single()["verb"]);
    }

    [Fact]
    public void With_one_accompaniment_the_one_to_end_is_already_chosen()
    {
        var showCard = CardTree.Of(CardSamples.Build("logbook-pick-one", "fr-CA")).OfType("Action.ShowCard").Single();
        var inner = CardTree.Of(AdaptiveCard.FromJson(showCard["card"]!.ToJsonString()));

        Assert.Equal(CardSamples.Accompaniments(1)[0].Referral.Id.ToString(), (string?)inner.Input("referralId")["value"]);
    }

    [Fact]
    public void Without_accompaniments_the_card_says_so_kindly_and_offers_nothing()
    {
        var tree = CardTree.Of(CardSamples.Build("logbook-pick-none", "en"));

        Assert.Contains("You are not accompanying anyone right now", tree.Text());
        Assert.Empty(tree.Actions());
    }

    [Fact]
    public void A_long_list_of_accompaniments_stops_at_20_and_says_how_many_there_are()
    {
        var tree = CardTree.Of(CardSamples.Build("logbook-pick-long", "en"));
        var inner = CardTree.Of(AdaptiveCard.FromJson(tree.OfType("Action.ShowCard").Single()["card"]!.ToJsonString()));

        Assert.Equal(20, tree.Body.Count(e => (string?)e!["type"] == "Container"));
        Assert.Contains("Showing 20 of 30.", tree.Text());
        Assert.Equal(20, Values(inner, "referralId").Count);
    }

    private static List<string> Values(CardTree tree, string id) =>
        [.. tree.Input(id)["choices"]!.AsArray().Select(c => (string)c!["value"]!)];
}
