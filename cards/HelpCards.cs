using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>What each role can type, and what an accompanying patient is and is not.</summary>
public static class HelpCards
{
    /// <summary>The commands of each audience, as keys of <c>Command_*</c> (the word typed) and <c>HelpCommand_*</c>.</summary>
    private static readonly IReadOnlyDictionary<Audience, string[]> Commands = new Dictionary<Audience, string[]>
    {
        [Audience.Clinician] = ["refer", "referrals", "file", "nudges", "help"],
        [Audience.Coordinator] = ["queue", "file", "invite", "stats", "setup", "help"],
        [Audience.AccompanyingPatient] = ["join", "patients", "logbook", "impact", "tip", "pause", "help"],
        [Audience.Unidentified] = ["help"],
    };

    public static AdaptiveCard ForAudience(Audience audience, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card(
        [
            Blocks.Title(t["HelpTitle"]),
            Blocks.Text(t[$"HelpIntro_{audience}"]),
            Blocks.Facts([.. Commands[audience].Select(c => (t[$"Command_{c}"], (string?)t[$"HelpCommand_{c}"]))]),
            Blocks.Subtle(t["HelpInChannel"]),
            Blocks.Heading(t["HelpWhatIsAp"]),
            Blocks.Text(t["HelpApIs"]),
            Blocks.Heading(t["HelpWhatApIsNot"]),
            Blocks.Text(t["HelpApIsNot"]),
        ]);
    }
}
