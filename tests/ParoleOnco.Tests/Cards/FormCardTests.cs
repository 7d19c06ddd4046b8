using System.Text.Json.Nodes;

namespace ParoleOnco.Tests.Cards;

public class FormCardTests
{
    [Theory]
    [InlineData("fr-CA", "patientCode", "Ce code patient n'est pas valide")]
    [InlineData("fr-CA", "consent", "Le consentement de la personne est nécessaire")]
    [InlineData("fr-CA", "phone", "Ce numéro de téléphone n'est pas valide")]
    [InlineData("en", "patientCode", "This is not a valid patient code")]
    [InlineData("en", "consent", "The patient's consent is needed")]
    [InlineData("en", "phone", "This phone number is not valid")]
    public void A_referral_error_shows_right_under_its_input(string culture, string inputId, string message)
    {
        var body = CardTree.Of(CardSamples.Build("referral-form-errors", culture)).Body;

        var error = ElementAfter(body, inputId);

        Assert.Equal("TextBlock", (string?)error["type"]);
        Assert.Equal("attention", (string?)error["color"]);
        Assert.StartsWith(message, (string?)error["text"]);
    }

    [Fact]
    public void An_input_without_error_has_no_error_under_it()
    {
        var body = CardTree.Of(CardSamples.Build("referral-form-errors", "fr-CA")).Body;

        Assert.NotEqual("attention", (string?)ElementAfter(body, "cancerType")["color"]);
        Assert.StartsWith("Input.", (string?)ElementAfter(body, "cancerType")["type"]);
    }

    [Fact]
    public void A_form_with_errors_says_so_at_the_top()
    {
        var tree = CardTree.Of(CardSamples.Build("referral-form-errors", "fr-CA"));

        Assert.Contains("Certaines réponses sont à revoir", tree.Text());
        Assert.DoesNotContain("Certaines réponses sont à revoir", CardTree.Of(CardSamples.Build("referral-form", "fr-CA")).Text());
    }

    [Fact]
    public void A_referral_form_shown_again_keeps_every_typed_value()
    {
        var tree = CardTree.Of(CardSamples.Build("referral-form-errors", "en"));
        var typed = CardSamples.ReferralFormWithErrors().Values;

        Assert.Equal(typed.PatientCode, Value(tree, "patientCode"));
        Assert.Equal(typed.Consent, Value(tree, "consent"));
        Assert.Equal(typed.EstablishmentId, Value(tree, "establishmentId"));
        Assert.Equal(typed.CancerType, Value(tree, "cancerType"));
        Assert.Equal(typed.AgeBand, Value(tree, "ageBand"));
        Assert.Equal(typed.Language, Value(tree, "language"));
        Assert.Equal(typed.Modality, Value(tree, "modality"));
        Assert.Equal(typed.Needs, Value(tree, "needs"));
        Assert.Equal(typed.Phone, Value(tree, "phone"));
        Assert.Equal(typed.Note, Value(tree, "note"));
    }

    [Fact]
    public void An_ap_registration_shown_again_keeps_every_typed_value_and_shows_its_error()
    {
        var tree = CardTree.Of(CardSamples.Build("ap-registration-errors", "fr-CA"));

        Assert.Equal("chum", Value(tree, "establishmentId"));
        Assert.Equal("fr,en", Value(tree, "languages"));
        Assert.Equal("breast", Value(tree, "cancerTypes"));
        Assert.Equal("55-64", Value(tree, "ageBand"));
        Assert.Equal("phone,video", Value(tree, "modalities"));
        Assert.Equal(3, (double)tree.Input("capacity")["value"]!);
        Assert.Equal("Entrez un nombre de 1 à 10.", (string?)ElementAfter(tree.Body, "capacity")["text"]);
    }

    [Fact]
    public void Consent_is_a_toggle_sending_true_or_false()
    {
        var consent = CardTree.Of(CardSamples.Build("referral-form", "fr-CA")).Input("consent");

        Assert.Equal("Input.Toggle", (string?)consent["type"]);
        Assert.Equal(("true", "false"), ((string?)consent["valueOn"], (string?)consent["valueOff"]));
        Assert.Contains("accepté d'être contactée par un·e patient·e accompagnateur·rice (PA)", (string?)consent["title"]);
    }

    [Fact]
    public void The_patient_code_placeholder_says_never_a_name()
    {
        Assert.Contains("jamais le nom", (string?)CardTree.Of(CardSamples.Build("referral-form", "fr-CA")).Input("patientCode")["placeholder"]);
        Assert.Contains("never a name", (string?)CardTree.Of(CardSamples.Build("referral-form", "en")).Input("patientCode")["placeholder"]);
    }

    [Fact]
    public void Multi_choice_inputs_are_multi_select_and_the_note_is_optional_and_multiline()
    {
        var referral = CardTree.Of(CardSamples.Build("referral-form", "en"));
        var ap = CardTree.Of(CardSamples.Build("ap-registration", "en"));

        Assert.True((bool?)referral.Input("needs")["isMultiSelect"]);
        Assert.All(["languages", "cancerTypes", "modalities"], id => Assert.True((bool?)ap.Input(id)["isMultiSelect"], id));
        Assert.True((bool?)referral.Input("note")["isMultiline"]);
        Assert.Null(referral.Input("note")["isRequired"]);
        Assert.Equal((1d, 10d), ((double)ap.Input("capacity")["min"]!, (double)ap.Input("capacity")["max"]!));
    }

    [Fact]
    public void Choices_show_labels_in_the_card_language_and_send_vocabulary_codes()
    {
        var choices = CardTree.Of(CardSamples.Build("referral-form", "fr-CA")).Input("ageBand")["choices"]!.AsArray();

        Assert.Equal(ParoleOnco.Cards.Vocabulary.AgeBands, choices.Select(c => (string)c!["value"]!));
        Assert.Equal("75 ans et plus", (string?)choices[^1]!["title"]);
    }

    [Fact]
    public void A_referral_form_offers_the_cancer_types_its_view_gives_and_the_registration_form_all_of_them()
    {
        var referral = CardTree.Of(ParoleOnco.Cards.ReferralCards.Form(CardSamples.EmptyForm() with { CancerTypes = ["breast", "other"] }, CardSamples.English));
        var registration = CardTree.Of(ParoleOnco.Cards.ApCards.RegistrationForm(CardSamples.EmptyForm() with { CancerTypes = ["breast"] }, CardSamples.English));

        Assert.Equal(["breast", "other"], Choices(referral, "cancerType"));
        Assert.Equal(ParoleOnco.Cards.Vocabulary.CancerTypes, Choices(registration, "cancerTypes"));
    }

    [Theory]
    [InlineData("fr-CA", "L'établissement choisi n'offre aucun programme PAROLE-Onco pour ce type de cancer\u00A0:")]
    [InlineData("en", "The chosen establishment runs no PAROLE-Onco program for this cancer type:")]
    public void A_cancer_type_the_establishment_has_no_program_for_is_flagged_under_the_cancer_type(string culture, string message)
    {
        var form = CardSamples.EmptyForm() with
        {
            Values = new ParoleOnco.Cards.CardActionData { EstablishmentId = "chum", CancerType = "gynecological" },
            Errors = new Dictionary<string, string> { ["cancerType"] = "noProgramForCancerType" },
        };
        var tree = CardTree.Of(ParoleOnco.Cards.ReferralCards.Form(form, System.Globalization.CultureInfo.GetCultureInfo(culture)));

        Assert.StartsWith(System.Text.RegularExpressions.Regex.Unescape(message), (string?)ElementAfter(tree.Body, "cancerType")["text"]);
        Assert.Equal(("chum", "gynecological"), (Value(tree, "establishmentId"), Value(tree, "cancerType")));
    }

    private static IEnumerable<string?> Choices(CardTree tree, string id) =>
        tree.Input(id)["choices"]!.AsArray().Select(c => (string?)c!["value"]);

    private static string? Value(CardTree tree, string id) => (string?)tree.Input(id)["value"];

    private static JsonObject ElementAfter(JsonArray body, string inputId)
    {
        var index = body.Select((node, i) => (node, i)).Single(x => (string?)x.node!["id"] == inputId).i;
        return body[index + 1]!.AsObject();
    }
}
