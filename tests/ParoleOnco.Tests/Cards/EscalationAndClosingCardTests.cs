using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

public class EscalationAndClosingCardTests
{
    public static TheoryData<string, string> CoordinatorCards()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in CardSamples.All.Keys.Where(k => k.StartsWith("escalation-") || k.StartsWith("closing")))
        {
            data.Add(name, "fr-CA");
            data.Add(name, "en");
        }

        return data;
    }

    [Theory, MemberData(nameof(CoordinatorCards))]
    public void An_escalation_or_closing_card_never_shows_the_patient_phone(string name, string culture)
    {
        var tree = CardTree.Of(CardSamples.Build(name, culture));
        var json = tree.Root.ToJsonString();

        Assert.DoesNotContain(CardSamples.Phone, json);
        Assert.DoesNotContain(CardSamples.PhoneShown, json);
        Assert.DoesNotContain("tel:", json);
        Assert.Empty(tree.OfType("Action.OpenUrl"));
        Assert.DoesNotContain(tree.Executes(), a => (string?)a["verb"] == CardVerbs.ReferralPhone);
    }

    [Fact]
    public void An_alert_shows_the_patient_the_referral_the_ap_when_and_the_reason_literally()
    {
        var tree = CardTree.Of(CardSamples.Build("escalation-alert", "fr-CA"));
        var title = tree.Body[0]!;

        Assert.Equal(("Attention clinique requise · patient·e QC-7F3K9", "attention"), ((string?)title["text"], (string?)title["color"]));
        Assert.Contains("R-0042", tree.Text());
        Assert.Contains("Louise Bergeron", tree.Text());
        Assert.Contains("{{DATE(2026-03-14T19:09:26Z,SHORT)}} à {{TIME(2026-03-14T19:09:26Z)}}", tree.Text());
        Assert.Equal(CardSamples.AttentionReason, (string?)tree.OfType("TextRun").Single()["text"]);
    }

    [Fact]
    public void An_unacknowledged_alert_can_be_acknowledged_with_its_id()
    {
        var acknowledge = CardTree.Of(CardSamples.Build("escalation-alert", "en")).Executes().Single();

        Assert.Equal(CardVerbs.EscalationAcknowledge, (string?)acknowledge["verb"]);
        Assert.Equal(CardSamples.EscalationId.ToString(), (string?)acknowledge["data"]!["escalationId"]);
    }

    [Fact]
    public void Once_acknowledged_the_button_disappears_and_the_alert_says_who_and_when()
    {
        var tree = CardTree.Of(CardSamples.Build("escalation-alert-acknowledged", "fr-CA"));

        Assert.Empty(tree.Actions());
        Assert.Contains("Prise en charge par Marie Tremblay le {{DATE(2026-03-14T19:09:26Z,SHORT)}} à {{TIME(2026-03-14T19:09:26Z)}}.", tree.Text());
    }

    [Theory]
    [InlineData("escalation-alert", false)]
    [InlineData("escalation-alert-reannounced", true)]
    public void A_re_announced_alert_says_how_many_times(string name, bool reannounced)
    {
        var text = CardTree.Of(CardSamples.Build(name, "en")).Text();

        Assert.Equal(reannounced, text.Contains("Re-announced (3)"));
        Assert.DoesNotContain("Re-announced (1)", text);
    }

    [Fact]
    public void A_closing_tells_who_ended_what_how_and_when()
    {
        var text = CardTree.Of(CardSamples.Build("closing", "fr-CA")).Text();

        Assert.Contains("L'accompagnement de QC-7F3K9 par Louise Bergeron a pris fin.", text);
        Assert.Contains("Mené à terme", text);
        Assert.Contains("4/5", text);
        Assert.Contains("7", text);
        Assert.Contains("{{DATE(2026-05-13T19:09:26Z,SHORT)}}", text);
    }

    [Fact]
    public void A_closing_without_satisfaction_leaves_it_out()
    {
        var text = CardTree.Of(CardSamples.Build("closing-no-satisfaction", "en")).Text();

        Assert.DoesNotContain("Satisfaction", text);
        Assert.DoesNotContain("/5", text);
    }
}
