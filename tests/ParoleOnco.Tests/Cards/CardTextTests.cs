using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

public partial class CardTextTests
{
    private static readonly ResourceManager Resources = new("ParoleOnco.Cards.Resources.CardText", typeof(ReferralCards).Assembly);

    // Words French and English share: anything else left identical is an untranslated text.
    private static readonly HashSet<string> SameInBothLanguages = ["Command_patients", "Command_pause", "Command_help", "Command_impact", "MonthFormat"];

    private static Dictionary<string, string> English => Texts(CultureInfo.InvariantCulture);

    // Loading fr-CA without parents proves the satellite assembly was built and deployed.
    private static Dictionary<string, string> French => Texts(CultureInfo.GetCultureInfo("fr-CA"));

    [Fact]
    public void French_and_english_have_the_same_keys()
    {
        Assert.NotEmpty(French);
        Assert.Equal(English.Keys.Order(), French.Keys.Order());
    }

    [Fact]
    public void Every_vocabulary_code_has_a_label_in_both_languages()
    {
        var groups = new Dictionary<string, IReadOnlyList<string>>
        {
            ["CancerType"] = Vocabulary.CancerTypes,
            ["AgeBand"] = Vocabulary.AgeBands,
            ["Modality"] = Vocabulary.Modalities,
            ["Need"] = Vocabulary.Needs,
            ["Language"] = Vocabulary.Languages,
            ["MatchReason"] = Vocabulary.MatchReasons,
            ["Outcome"] = Vocabulary.Outcomes,
            ["Satisfaction"] = Vocabulary.Satisfaction,
            ["SupportType"] = Vocabulary.Needs,
            ["Error"] = Vocabulary.ErrorCodes,
            ["ReferralStatus"] = Codes(typeof(ReferralStatuses)),
            ["ReferralStatusExplanation"] = Codes(typeof(ReferralStatuses)),
            ["ApStatus"] = Codes(typeof(ApStatuses)),
            ["ApStatusExplanation"] = Codes(typeof(ApStatuses)),
            ["AssignmentStatus"] = Codes(typeof(AssignmentStatuses)),
        };
        var keys = groups.SelectMany(g => g.Value.Select(code => $"{g.Key}_{code}")).ToList();

        Assert.All(keys, key => Assert.Contains(key, English.Keys));
        Assert.All(keys, key => Assert.Contains(key, French.Keys));
    }

    [Fact]
    public void Every_text_has_the_same_placeholders_in_both_languages()
    {
        var french = French;

        Assert.All(English, pair => Assert.Equal(Placeholders(pair.Value), Placeholders(french[pair.Key])));
    }

    [Fact]
    public void French_texts_are_translated()
    {
        var french = French;

        var identical = English.Where(pair => pair.Value == french[pair.Key] && !SameInBothLanguages.Contains(pair.Key)).Select(p => p.Key);

        Assert.Empty(identical);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("fr-FR")]
    [InlineData("fr-CA")]
    [InlineData("fr-BE")]
    public void Any_french_culture_gets_the_french_cards(string culture)
    {
        var card = HelpCards.ForAudience(Audience.Clinician, CultureInfo.GetCultureInfo(culture));

        Assert.Contains("Qu'est-ce qu'un·e patient·e accompagnateur·rice (PA)", card.ToJson());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("es-ES")]
    [InlineData("")]
    public void Any_other_culture_gets_the_english_cards(string culture)
    {
        var card = HelpCards.ForAudience(Audience.Clinician, CultureInfo.GetCultureInfo(culture));

        Assert.Contains("What is an accompanying patient (AP)?", card.ToJson());
    }

    public static TheoryData<string> CardNames() => [.. CardSamples.All.Keys];

    [Theory, MemberData(nameof(CardNames))]
    public void No_english_phrase_leaks_into_a_french_card(string name)
    {
        var text = CardTree.Of(CardSamples.Build(name, "fr-CA")).Text();
        var phrases = English.Values.Select(v => PlaceholderPattern().Split(v)).SelectMany(parts => parts)
            .Select(part => part.Trim(' ', '.', ':', '(', ')', '·')).Where(part => part.Contains(' ') && part.Length > 6);

        Assert.All(phrases, phrase => Assert.DoesNotContain(phrase, text));
    }

    [Theory]
    [InlineData("referral-form", "Patient code", "Consent", "Cancer type", "Needs", "Send the referral")]
    [InlineData("coordinators-pending", "Suggested APs", "Approve the match", "Decline", "Refresh")]
    [InlineData("assignment-offered", "Accept", "Decline", "Call")]
    [InlineData("logbook-form", "Date of the contact", "Summary of the contact", "Clinical attention", "Save the entry")]
    [InlineData("escalation-alert", "Referral", "Patient code", "I'm taking care of it")]
    public void French_cards_use_french_labels(string name, params string[] englishLabels)
    {
        var json = CardSamples.Build(name, "fr-CA").ToJson();

        Assert.All(englishLabels, label => Assert.DoesNotContain($"\"{label}\"", json));
    }

    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static IReadOnlyList<string> Codes(Type statuses) =>
        [.. statuses.GetFields().Select(f => (string)f.GetValue(null)!)];

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
