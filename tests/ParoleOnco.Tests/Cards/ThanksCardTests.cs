using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

public class ThanksCardTests
{
    [Theory]
    [InlineData("referral-status-thankable", CardVerbs.ReferralThank, "referralId")]
    [InlineData("ap-approval-thankable", CardVerbs.ApThank, "apId")]
    public void Thank_the_AP_opens_an_optional_message_of_500_characters_and_sends_the_card_s_form_id(string name, string verb, string idKey)
    {
        var tree = CardTree.Of(CardSamples.Build(name, "en"));
        var showCard = tree.OfType("Action.ShowCard").Single();
        var inner = CardTree.Of(showCard["card"]);

        Assert.Equal("Thank the AP…", (string?)showCard["title"]);
        var message = inner.Input("message");
        Assert.Equal((ThanksCards.MaxMessageLength, false), ((int?)message["maxLength"], (bool?)message["isRequired"] ?? false));
        var send = inner.Executes().Single();
        Assert.Equal(verb, (string?)send["verb"]);
        Assert.Equal("thanks-form-1", (string?)send["data"]!["formId"]);
        Assert.NotNull(send["data"]![idKey]);
    }

    [Theory]
    [InlineData("referral-status-submitted")]
    [InlineData("referral-status-matched")]
    [InlineData("referral-status-declined")]
    [InlineData("ap-approval-pending")]
    [InlineData("ap-approval-rejected")]
    public void Nobody_is_offered_to_thank_before_there_is_an_AP_to_thank(string name)
    {
        var tree = CardTree.Of(CardSamples.Build(name, "fr-CA"));

        Assert.DoesNotContain(tree.Executes(), a => (string?)a["verb"] is CardVerbs.ReferralThank or CardVerbs.ApThank);
    }

    [Theory]
    [InlineData("fr-CA", "Vous avez remercié Louise Bergeron le", "Marie Tremblay a remercié Louise Bergeron le")]
    [InlineData("en", "You thanked Louise Bergeron on", "Marie Tremblay thanked Louise Bergeron on")]
    public void A_card_says_the_thanks_was_sent_and_by_whom_in_the_channel(string culture, string status, string channel)
    {
        Assert.Contains(status, CardTree.Of(CardSamples.Build("referral-status-thanked", culture)).Text());
        Assert.Contains(channel, CardTree.Of(CardSamples.Build("ap-approval-thanked", culture)).Text());
    }

    [Theory]
    [InlineData("fr-CA", "Un message compte au plus 500 caractères\u00a0; celui-ci en compte 512.")]
    [InlineData("en", "A message has at most 500 characters; this one has 512.")]
    public void A_message_too_long_comes_back_inline_with_the_reason_and_what_was_typed(string culture, string reason)
    {
        foreach (var name in new[] { "referral-status-thanks-too-long", "ap-approval-thanks-too-long" })
        {
            var tree = CardTree.Of(CardSamples.Build(name, culture));

            Assert.Contains(reason, tree.Text());
            Assert.Equal(CardSamples.TooLongThanks().Message, (string?)tree.Input("message")["value"]);
            Assert.Empty(tree.OfType("Action.ShowCard"));
        }
    }

    [Theory]
    [InlineData("fr-CA", "Merci\u00a0!", "Dre Julie Gagnon vous remercie d'accompagner QC-7F3K9.")]
    [InlineData("en", "Thank you!", "Dre Julie Gagnon thanks you for accompanying QC-7F3K9.")]
    public void The_AP_receives_the_message_and_the_clinician_s_name(string culture, string title, string line)
    {
        var text = CardTree.Of(CardSamples.Build("thanks-received", culture)).Text();

        Assert.Contains(title, text);
        Assert.Contains(line, text);
        Assert.Contains(CardSamples.ThanksMessage, text);
    }
}
