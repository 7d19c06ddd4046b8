using System.Text;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Tests.Cards;

public class CardJsonTests
{
    public static TheoryData<string, string> Cards => CardSamples.EveryCardInEveryLanguage();

    [Theory, MemberData(nameof(Cards))]
    public void Every_card_is_a_full_width_1_5_card(string name, string culture)
    {
        var card = CardTree.Of(CardSamples.Build(name, culture)).Root;

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal(AdaptiveCard.SchemaUrl, (string?)card["$schema"]);
        Assert.Equal("Full", (string?)card["msteams"]!["width"]);
        Assert.NotEmpty(card["body"]!.AsArray());
    }

    [Theory, MemberData(nameof(Cards))]
    public void Every_card_round_trips_through_its_json(string name, string culture)
    {
        var json = CardSamples.Build(name, culture).ToJson();

        Assert.Equal(json, AdaptiveCard.FromJson(json).ToJson());
    }

    [Theory, MemberData(nameof(Cards))]
    public void Every_card_stays_under_28_KB(string name, string culture)
    {
        var bytes = Encoding.UTF8.GetByteCount(CardSamples.Build(name, culture).ToJson());

        Assert.InRange(bytes, 1, 28 * 1024);
    }

    [Theory, MemberData(nameof(Cards))]
    public void Every_input_has_a_label(string name, string culture)
    {
        var inputs = CardTree.Of(CardSamples.Build(name, culture)).Objects()
            .Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

        Assert.All(inputs, input => Assert.False(string.IsNullOrWhiteSpace((string?)input["label"])));
    }

    [Fact]
    public void Json_has_no_nulls_nor_host_defaults()
    {
        var json = CardSamples.Build("coordinators-pending", "fr-CA").ToJson();

        Assert.DoesNotContain("null", json);
        Assert.DoesNotContain("false", json);
        Assert.DoesNotContain("\"separator\":false", json);
        Assert.DoesNotContain("\"isMultiSelect\":false", json);
    }

    [Fact]
    public void Enums_are_camel_case_strings()
    {
        var json = CardSamples.Build("referral-form-errors", "en").ToJson();

        Assert.Contains("\"color\":\"attention\"", json);
        Assert.Contains("\"weight\":\"bolder\"", json);
        Assert.Contains("\"style\":\"positive\"", json);
        Assert.Contains("\"style\":\"tel\"", json);
    }

    [Fact]
    public void Accents_and_apostrophes_are_written_as_they_are()
    {
        var json = CardSamples.Build("referral-form", "fr-CA").ToJson();

        Assert.Contains("Référer", json);
        Assert.Contains("L'équipe", json);
    }

    [Fact]
    public void Element_and_action_types_come_first_as_the_discriminator()
    {
        var json = CardSamples.Build("coordinators-pending", "en").ToJson();

        Assert.Contains("{\"type\":\"Input.ChoiceSet\"", json);
        Assert.Contains("{\"type\":\"Action.ShowCard\"", json);
        Assert.Contains("\"refresh\":{\"action\":{\"type\":\"Action.Execute\"", json);
    }

    [Fact]
    public void Dates_are_adaptive_card_date_functions_in_utc()
    {
        var json = CardSamples.Build("referral-status-declined", "fr-CA").ToJson();

        // 15:09:26 at UTC-4 is 19:09:26 UTC.
        Assert.Contains("{{DATE(2026-03-14T19:09:26Z,SHORT)}}", json);
        Assert.Contains("{{TIME(2026-03-14T19:09:26Z)}}", json);
    }
}
