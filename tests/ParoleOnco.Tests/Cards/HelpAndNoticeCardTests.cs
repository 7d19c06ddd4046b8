using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

public class HelpAndNoticeCardTests
{
    [Theory]
    [InlineData(Audience.Clinician, "fr-CA", new[] { "référer", "références", "dossier", "rappels oui / non", "aide" })]
    [InlineData(Audience.Clinician, "en", new[] { "refer", "referrals", "file", "nudges on / off", "help" })]
    [InlineData(Audience.Coordinator, "fr-CA", new[] { "attente", "dossier", "inviter", "statistiques", "configurer", "aide" })]
    [InlineData(Audience.Coordinator, "en", new[] { "queue", "file", "invite", "stats", "setup", "help" })]
    [InlineData(Audience.AccompanyingPatient, "fr-CA", new[] { "inscription", "patients", "journal", "impact", "astuce", "pause", "aide" })]
    [InlineData(Audience.AccompanyingPatient, "en", new[] { "join", "patients", "logbook", "impact", "tip", "pause", "help" })]
    [InlineData(Audience.Unidentified, "fr-CA", new[] { "aide" })]
    [InlineData(Audience.Unidentified, "en", new[] { "help" })]
    public void Help_lists_the_commands_of_the_role_in_its_language(Audience audience, string culture, string[] commands)
    {
        var tree = CardTree.Of(HelpCards.ForAudience(audience, System.Globalization.CultureInfo.GetCultureInfo(culture)));

        Assert.Equal(commands, tree.OfType("FactSet").Single()["facts"]!.AsArray().Select(f => (string?)f!["title"]));
    }

    [Theory]
    [InlineData("fr-CA", "soutien de pair", "jamais de conseils médicaux", "ne remplace jamais l'équipe soignante")]
    [InlineData("en", "peer support", "never gives medical advice", "never replaces the care team")]
    public void Help_says_what_an_ap_is_and_is_not(string culture, params string[] phrases)
    {
        foreach (var audience in Enum.GetValues<Audience>())
        {
            var text = CardTree.Of(HelpCards.ForAudience(audience, System.Globalization.CultureInfo.GetCultureInfo(culture))).Text();
            Assert.All(phrases, phrase => Assert.Contains(phrase, text));
        }
    }

    [Fact]
    public void An_unknown_command_is_echoed_literally_and_points_to_help()
    {
        var tree = CardTree.Of(CardSamples.Build("notice-unknown-command", "fr-CA"));

        Assert.Equal("bonjour [lien](https://example.com)", (string?)tree.OfType("TextRun").Single()["text"]);
        Assert.Contains("Tapez **aide**", tree.Text());
    }

    [Fact]
    public void An_empty_or_long_unknown_command_still_makes_a_valid_card()
    {
        Assert.Empty(CardTree.Of(NoticeCards.UnknownCommand("  ", CardSamples.English)).OfType("TextRun"));
        Assert.Equal(201, ((string?)CardTree.Of(NoticeCards.UnknownCommand(new string('x', 500), CardSamples.English)).OfType("TextRun").Single()["text"])!.Length);
    }

    [Fact]
    public void The_generic_error_says_nothing_was_lost()
    {
        Assert.Contains("Nothing you typed was lost", CardTree.Of(NoticeCards.Error(CardSamples.English)).Text());
        Assert.Contains("Rien de ce que vous avez saisi n'a été perdu", CardTree.Of(NoticeCards.Error(CardSamples.French)).Text());
    }

    [Fact]
    public void An_overdue_logbook_tells_the_coordinators_who_and_since_when_after_a_reminder()
    {
        var text = CardTree.Of(CardSamples.Build("notice-logbook-overdue", "fr-CA")).Text();

        Assert.Contains("Louise Bergeron n'a consigné aucun contact avec QC-7F3K9 (référence R-0042) depuis le {{DATE(2026-03-14T19:09:26Z,SHORT)}}, malgré un rappel.", text);
    }

    [Fact]
    public void Without_a_coordinators_channel_the_clinician_learns_the_referral_is_saved_and_where_coordinators_will_find_it()
    {
        var text = CardTree.Of(NoticeCards.NoCoordinatorChannel(CardSamples.English)).Text();

        Assert.Contains("Your referral is saved", text);
        Assert.Contains("find it in their queue", text);
    }
}
