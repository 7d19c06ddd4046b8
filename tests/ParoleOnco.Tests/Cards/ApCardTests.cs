using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

public class ApCardTests
{
    [Theory]
    [InlineData("ap-profile-pending", new string[0])]
    [InlineData("ap-profile-approved", new[] { CardVerbs.ApPause })]
    [InlineData("ap-profile-paused", new[] { CardVerbs.ApResume })]
    [InlineData("ap-profile-rejected", new string[0])]
    public void The_profile_offers_pause_or_resume_by_status(string name, string[] verbs)
    {
        var tree = CardTree.Of(CardSamples.Build(name, "fr-CA"));

        Assert.Equal(verbs, tree.Executes().Select(a => (string?)a["verb"]));
    }

    [Fact]
    public void The_profile_shows_status_and_profile_in_the_card_language()
    {
        var text = CardTree.Of(CardSamples.Build("ap-profile-paused", "fr-CA")).Text();

        Assert.Contains("En pause", text);
        Assert.Contains("Français, Anglais", text);
        Assert.Contains("Téléphone, Visioconférence", text);
        Assert.Contains("1 sur 3", text);
    }

    [Fact]
    public void A_pending_registration_asks_the_coordinators_to_approve_or_reject()
    {
        var tree = CardTree.Of(CardSamples.Build("ap-approval-pending", "en"));

        Assert.Contains("Louise Bergeron would like to become an accompanying patient (AP).", tree.Text());
        Assert.Equal([CardVerbs.ApApprove, CardVerbs.ApReject], tree.Executes().Select(a => (string?)a["verb"]));
    }

    [Theory]
    [InlineData("ap-approval-approved", "Inscription approuvée par Marie Tremblay le {{DATE(")]
    [InlineData("ap-approval-rejected", "Inscription refusée par Marie Tremblay le {{DATE(")]
    public void A_decided_registration_shows_who_decided_and_no_buttons(string name, string decided)
    {
        var tree = CardTree.Of(CardSamples.Build(name, "fr-CA"));

        Assert.Contains(decided, tree.Text());
        Assert.Empty(tree.Actions());
    }

    [Fact]
    public void Setup_shows_the_bound_establishment_and_who_set_it_up()
    {
        var text = CardTree.Of(CardSamples.Build("setup-bound", "fr-CA")).Text();

        Assert.Contains("CHUM", text);
        Assert.Contains("Canal configuré par Marie Tremblay le {{DATE(", text);
    }

    [Theory]
    [InlineData("ap-registration-no-establishment")]
    [InlineData("referral-form-no-establishment")]
    public void Without_establishments_a_card_explains_instead_of_offering_an_empty_choice(string name)
    {
        var tree = CardTree.Of(CardSamples.Build(name, "en"));

        Assert.Empty(tree.Actions());
        Assert.False(tree.HasInput("establishmentId"));
        Assert.Contains("No establishment is set up", tree.Text());
    }
}
