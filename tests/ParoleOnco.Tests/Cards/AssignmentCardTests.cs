using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

public class AssignmentCardTests
{
    [Fact]
    public void An_offer_shows_the_patient_and_the_phone_as_a_tel_link()
    {
        var tree = CardTree.Of(CardSamples.Build("assignment-offered", "fr-CA"));
        var text = tree.Text();

        Assert.Contains("QC-7F3K9", text);
        Assert.Contains(CardSamples.PhoneShown, text);
        Assert.DoesNotContain(CardSamples.Phone, text);
        Assert.Contains(CardSamples.Note, text);
        Assert.Contains("Soutien émotionnel, Navigation dans le réseau de la santé", text);
        Assert.Contains("Téléphone", text);
        Assert.Contains("Français", text);
        Assert.Contains("CHUM", text);
        var call = tree.OfType("Action.OpenUrl").Single();
        Assert.Equal("tel:+15145550199", (string?)call["url"]);
        Assert.Equal("Appeler le 514 555-0199", (string?)call["title"]);
    }

    [Fact]
    public void An_offer_can_be_accepted_or_declined()
    {
        var verbs = CardTree.Of(CardSamples.Build("assignment-offered", "en")).Executes().Select(a => (string?)a["verb"]);

        Assert.Equal([CardVerbs.AssignmentAccept, CardVerbs.AssignmentDecline], verbs);
    }

    [Theory]
    [InlineData("assignment-accepted", "Vous avez accepté le {{DATE(")]
    [InlineData("assignment-declined", "Vous avez décliné le {{DATE(")]
    public void An_answered_offer_shows_the_answer_and_its_time_and_no_buttons(string name, string answer)
    {
        var tree = CardTree.Of(CardSamples.Build(name, "fr-CA"));

        Assert.Contains(answer, tree.Text());
        Assert.Empty(tree.Executes());
    }

    [Fact]
    public void An_accepted_offer_keeps_the_phone_to_call_the_patient()
    {
        var tree = CardTree.Of(CardSamples.Build("assignment-accepted", "en"));

        Assert.Contains(CardSamples.PhoneShown, tree.Text());
        Assert.Single(tree.OfType("Action.OpenUrl"));
    }

    [Fact]
    public void A_declined_offer_no_longer_shows_the_phone_nor_the_note()
    {
        var json = CardSamples.Build("assignment-declined", "en").ToJson();

        Assert.DoesNotContain(CardSamples.Phone, json);
        Assert.DoesNotContain(CardSamples.PhoneShown, json);
        Assert.DoesNotContain("tel:", json);
        Assert.DoesNotContain(CardSamples.Note, json);
    }

    [Fact]
    public void A_closed_assignment_says_the_accompaniment_ended_with_no_buttons_no_phone_and_no_note()
    {
        var tree = CardTree.Of(CardSamples.Build("assignment-closed", "fr-CA"));
        var json = tree.Root.ToJsonString();

        Assert.Contains("Accompagnement terminé", tree.Text());
        Assert.Contains("QC-7F3K9", tree.Text());
        Assert.Empty(tree.Actions());
        Assert.DoesNotContain(CardSamples.Phone, json);
        Assert.DoesNotContain(CardSamples.PhoneShown, json);
        Assert.DoesNotContain(CardSamples.Note, json);
    }

    [Fact]
    public void The_ap_patient_list_shows_the_phone_only_while_accepted()
    {
        var offered = ApCards.PatientList([CardSamples.Assignment()], CardSamples.English).ToJson();
        var accepted = ApCards.PatientList([CardSamples.Assignment(AssignmentStatuses.Accepted, CardSamples.At)], CardSamples.English).ToJson();
        var closed = ApCards.PatientList([CardSamples.Assignment(AssignmentStatuses.Closed, CardSamples.At)], CardSamples.English);

        Assert.DoesNotContain(CardSamples.PhoneShown, offered);
        Assert.Contains(CardSamples.PhoneShown, accepted);
        Assert.DoesNotContain(CardSamples.PhoneShown, closed.ToJson());
        Assert.Contains("Accompaniment ended", CardTree.Of(closed).Text());
    }
}
