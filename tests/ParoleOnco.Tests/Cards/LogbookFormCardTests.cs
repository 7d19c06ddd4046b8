using System.Text.Json.Nodes;
using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

public class LogbookFormCardTests
{
    [Fact]
    public void The_form_has_the_contract_inputs_of_the_right_kinds()
    {
        var tree = CardTree.Of(CardSamples.Build("logbook-form", "en"));

        Assert.Equal(
            [("contactDate", "Input.Date"), ("durationMinutes", "Input.Number"), ("modality", "Input.ChoiceSet"), ("supportTypes", "Input.ChoiceSet"),
             ("summary", "Input.Text"), ("needsClinicalAttention", "Input.Toggle"), ("attentionReason", "Input.Text"),
             ("shareWithCareTeam", "Input.Toggle"), ("nextContactDate", "Input.Date"), ("parkingExpense", "Input.Number"), ("kilometres", "Input.Number")],
            tree.Objects().Where(o => o["id"] is not null).Select(o => ((string)o["id"]!, (string)o["type"]!)));
    }

    [Fact]
    public void The_header_names_the_patient_code_and_the_referral_number()
    {
        var body = CardTree.Of(CardSamples.Build("logbook-form", "fr-CA")).Body;

        Assert.Equal("Journal de bord · patient·e QC-7F3K9", (string?)body[0]!["text"]);
        Assert.Equal("Référence R-0042", (string?)body[1]!["text"]);
    }

    [Fact]
    public void The_contact_date_defaults_to_today_and_cannot_be_in_the_future()
    {
        var date = CardTree.Of(CardSamples.Build("logbook-form", "en")).Input("contactDate");

        Assert.Equal((CardSamples.Today, CardSamples.Today), ((string?)date["value"], (string?)date["max"]));
        Assert.True((bool?)date["isRequired"]);
    }

    [Fact]
    public void Required_and_optional_inputs_are_marked_as_the_contract_says()
    {
        var tree = CardTree.Of(CardSamples.Build("logbook-form", "en"));

        Assert.All(["contactDate", "durationMinutes", "modality", "supportTypes", "summary"], id => Assert.True((bool?)tree.Input(id)["isRequired"], id));
        Assert.All(["attentionReason", "nextContactDate", "parkingExpense", "kilometres"],
            id => Assert.Null(tree.Input(id)["isRequired"]));
        Assert.Equal((1d, 600d), ((double)tree.Input("durationMinutes")["min"]!, (double)tree.Input("durationMinutes")["max"]!));
    }

    [Fact]
    public void Expenses_are_bounded_where_they_are_typed_as_the_bot_checks_them()
    {
        var tree = CardTree.Of(CardSamples.Build("logbook-form", "en"));

        Assert.Equal((0d, 500d), ((double)tree.Input("parkingExpense")["min"]!, (double)tree.Input("parkingExpense")["max"]!));
        Assert.Equal((0d, 2000d), ((double)tree.Input("kilometres")["min"]!, (double)tree.Input("kilometres")["max"]!));
    }

    [Fact]
    public void The_contact_date_offers_the_last_120_days_up_to_today()
    {
        var date = CardTree.Of(CardSamples.Build("logbook-form", "en")).Input("contactDate");

        Assert.Equal(("2025-11-14", CardSamples.Today), ((string?)date["min"], (string?)date["max"]));
    }

    [Fact]
    public void The_modality_defaults_to_the_patients_preferred_one()
    {
        Assert.Equal("phone", (string?)CardTree.Of(CardSamples.Build("logbook-form", "en")).Input("modality")["value"]);
    }

    [Fact]
    public void Support_types_are_labelled_as_support_given_and_send_the_need_codes()
    {
        var support = CardTree.Of(CardSamples.Build("logbook-form", "fr-CA")).Input("supportTypes");
        var choices = support["choices"]!.AsArray();

        Assert.True((bool?)support["isMultiSelect"]);
        Assert.Equal(Vocabulary.Needs, choices.Select(c => (string)c!["value"]!));
        Assert.Equal("Émotionnel : écoute, réconfort", (string?)choices[0]!["title"]);
    }

    [Theory]
    [InlineData("fr-CA", "Factuel", "Aucun diagnostic", "aucun nom")]
    [InlineData("en", "Factual", "No diagnosis", "no names")]
    public void The_summary_placeholder_reminds_factual_no_diagnosis_no_names(string culture, params string[] reminders)
    {
        var summary = CardTree.Of(CardSamples.Build("logbook-form", culture)).Input("summary");

        Assert.All(reminders, r => Assert.Contains(r, (string?)summary["placeholder"]));
        Assert.True((bool?)summary["isMultiline"]);
    }

    [Fact]
    public void Both_toggles_send_true_or_false_and_say_what_they_do()
    {
        var tree = CardTree.Of(CardSamples.Build("logbook-form", "en"));
        var attention = tree.Input("needsClinicalAttention");
        var share = tree.Input("shareWithCareTeam");

        Assert.All([attention, share], toggle =>
        {
            Assert.Equal(("true", "false"), ((string?)toggle["valueOn"], (string?)toggle["valueOff"]));
            Assert.Equal("false", (string?)toggle["value"]);
        });
        Assert.Contains("may change the medical course: the coordinators are told at once", (string?)attention["title"]);
        Assert.Contains("Dre Julie Gagnon, the referring clinician", (string?)share["title"]);
        Assert.Contains("file sheet", (string?)share["title"]);
    }

    [Fact]
    public void Expenses_come_last_under_their_own_heading()
    {
        var body = CardTree.Of(CardSamples.Build("logbook-form", "en")).Body;
        int IndexOf(Func<JsonNode?, bool> match) => body.Select((e, i) => (e, i)).Single(x => match(x.e)).i;

        var heading = IndexOf(e => (string?)e!["text"] == "Expenses (for compensation)");

        Assert.True(IndexOf(e => (string?)e!["id"] == "nextContactDate") < heading);
        Assert.True(heading < IndexOf(e => (string?)e!["id"] == "parkingExpense"));
        Assert.True(heading < IndexOf(e => (string?)e!["id"] == "kilometres"));
    }

    [Fact]
    public void Submitting_carries_the_referral_and_the_form()
    {
        var submit = CardTree.Of(CardSamples.Build("logbook-form", "en")).Executes().Single();

        Assert.Equal(CardVerbs.LogbookSubmit, (string?)submit["verb"]);
        Assert.Equal(CardSamples.Referral().Id.ToString(), (string?)submit["data"]!["referralId"]);
        Assert.Equal("form-4", (string?)submit["data"]!["formId"]);
    }

    [Theory]
    [InlineData("fr-CA", "contactDate", "Cette date n'est pas encore arrivée")]
    [InlineData("fr-CA", "durationMinutes", "Entrez une durée de 1 à 600 minutes.")]
    [InlineData("fr-CA", "attentionReason", "Indiquez à l'équipe de coordination ce qui pourrait modifier le suivi médical")]
    [InlineData("fr-CA", "nextContactDate", "Cette date est déjà passée")]
    [InlineData("fr-CA", "kilometres", "Entrez une distance de 0 à 2\u00a0000\u00a0km")]
    [InlineData("en", "contactDate", "This date is still to come")]
    [InlineData("en", "durationMinutes", "Enter a duration from 1 to 600 minutes.")]
    [InlineData("en", "attentionReason", "Tell the coordinators what may change the medical course")]
    [InlineData("en", "nextContactDate", "This date has already passed")]
    [InlineData("en", "kilometres", "Enter a distance from 0 to 2,000 km")]
    public void A_logbook_error_shows_right_under_its_input(string culture, string inputId, string message)
    {
        var error = ElementAfter(CardTree.Of(CardSamples.Build("logbook-form-errors", culture)).Body, inputId);

        Assert.Equal("TextBlock", (string?)error["type"]);
        Assert.Equal("attention", (string?)error["color"]);
        Assert.StartsWith(message, (string?)error["text"]);
    }

    [Fact]
    public void Inputs_without_errors_have_none_under_them_and_the_banner_shows_only_with_errors()
    {
        var tree = CardTree.Of(CardSamples.Build("logbook-form-errors", "fr-CA"));

        Assert.All(["summary", "needsClinicalAttention", "shareWithCareTeam", "parkingExpense"],
            id => Assert.StartsWith("Input.", (string?)ElementAfter(tree.Body, id)["type"]));
        Assert.Contains("Certaines réponses sont à revoir", tree.Text());
        Assert.DoesNotContain("Certaines réponses sont à revoir", CardTree.Of(CardSamples.Build("logbook-form", "fr-CA")).Text());
    }

    [Fact]
    public void A_logbook_form_shown_again_keeps_every_typed_value()
    {
        var tree = CardTree.Of(CardSamples.Build("logbook-form-errors", "en"));
        var typed = CardSamples.LogbookFormWithErrors().Values;

        Assert.Equal(typed.ContactDate, Value(tree, "contactDate"));
        Assert.Equal(900, (double)tree.Input("durationMinutes")["value"]!);
        Assert.Equal(typed.Modality, Value(tree, "modality"));
        Assert.Equal(typed.SupportTypes, Value(tree, "supportTypes"));
        Assert.Equal(typed.Summary, Value(tree, "summary"));
        Assert.Equal("true", Value(tree, "needsClinicalAttention"));
        Assert.Equal("true", Value(tree, "shareWithCareTeam"));
        Assert.Equal(typed.NextContactDate, Value(tree, "nextContactDate"));
        Assert.Equal(12.5, (double)tree.Input("parkingExpense")["value"]!);
        Assert.Equal(-3, (double)tree.Input("kilometres")["value"]!);
    }

    [Fact]
    public void A_typed_date_that_is_not_a_date_is_dropped_rather_than_shown_broken()
    {
        var form = CardSamples.EmptyLogbookForm() with
        {
            Values = new CardActionData { ContactDate = "14/03/2026", NextContactDate = "demain" },
            Errors = new Dictionary<string, string> { ["contactDate"] = "invalidDate", ["nextContactDate"] = "invalidDate" },
        };

        var tree = CardTree.Of(LogbookCards.Form(form, CardSamples.French));

        Assert.Null(tree.Input("contactDate")["value"]);
        Assert.Null(tree.Input("nextContactDate")["value"]);
        Assert.Equal("Cette date n'est pas valide.", (string?)ElementAfter(tree.Body, "contactDate")["text"]);
    }

    private static string? Value(CardTree tree, string id) => (string?)tree.Input(id)["value"];

    private static JsonObject ElementAfter(JsonArray body, string inputId)
    {
        var index = body.Select((node, i) => (node, i)).Single(x => (string?)x.node!["id"] == inputId).i;
        return body[index + 1]!.AsObject();
    }
}
