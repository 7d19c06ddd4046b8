using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

public class CommunityCardTests
{
    [Fact]
    public void The_tip_form_sends_its_form_id_and_a_text_of_at_most_1000_characters()
    {
        var tree = CardTree.Of(CardSamples.Build("tip-form", "en"));

        Assert.Equal(1000, (int?)tree.Input("text")["maxLength"]);
        var submit = tree.Executes().Single();
        Assert.Equal((CardVerbs.TipSubmit, "tip-form-1"), ((string?)submit["verb"], (string?)submit["data"]!["formId"]));
    }

    [Theory]
    [InlineData("tip-form-phone", "en", "phone number")]
    [InlineData("tip-form-email", "fr-CA", "adresse courriel")]
    [InlineData("tip-form-patient-code", "en", "patient code")]
    [InlineData("tip-form-birth-date", "fr-CA", "date de naissance")]
    [InlineData("tip-form-no-channel", "en", "does not have its channel yet")]
    public void A_tip_sent_back_says_why_and_keeps_what_was_typed(string name, string culture, string reason)
    {
        var tree = CardTree.Of(CardSamples.Build(name, culture));

        Assert.Contains(reason, tree.Text());
        Assert.Equal(CardSamples.TipText, (string?)tree.Input("text")["value"]);
        Assert.Single(tree.Executes(), a => (string?)a["verb"] == CardVerbs.TipSubmit);
    }

    [Fact]
    public void A_tip_over_the_limit_is_kept_whole_to_be_shortened()
    {
        var tree = CardTree.Of(CardSamples.Build("tip-form-too-long", "fr-CA"));

        Assert.Null(tree.Input("text")["maxLength"]);
        Assert.Equal(CommunityCards.MaxTipLength + 5, ((string?)tree.Input("text")["value"])!.Length);
        Assert.Contains("dépasse 1000 caractères (1005)", tree.Text());
    }

    [Fact]
    public void A_tip_in_the_channel_shows_the_AP_s_first_name_and_establishment_and_offers_to_hide_it()
    {
        var tree = CardTree.Of(CardSamples.Build("tip-in-channel", "en"));

        Assert.Contains("A tip from Louise (CHUM)", tree.Text());
        Assert.Contains(CardSamples.TipText, tree.Text());
        var hide = tree.Executes().Single();
        Assert.Equal((CardVerbs.TipHide, "6f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f"), ((string?)hide["verb"], (string?)hide["data"]!["tipId"]));
    }

    [Fact]
    public void A_hidden_tip_says_who_hid_it_and_shows_neither_its_text_nor_the_hide_button()
    {
        var tree = CardTree.Of(CardSamples.Build("tip-hidden", "fr-CA"));

        Assert.DoesNotContain(CardSamples.TipText, tree.Text());
        Assert.Contains("Masquée par Marie Tremblay le", tree.Text());
        Assert.Empty(tree.Actions());
    }

    [Theory]
    [InlineData("setup-community-bound", false)]
    [InlineData("setup-community-moved", true)]
    public void Binding_the_community_says_rebinding_moves_it_and_whether_it_just_moved(string name, bool moved)
    {
        var text = CardTree.Of(CardSamples.Build(name, "en")).Text();

        Assert.Contains("setting up another channel as the community of practice moves it there", text);
        Assert.Equal(moved, text.Contains("was in another channel until now", StringComparison.Ordinal));
    }
}
