using ParoleOnco.Cards;
using ParoleOnco.Features.Referrals;
using static ParoleOnco.Tests.Features.Samples;

namespace ParoleOnco.Tests.Features.Referrals;

public class ReferralRequestTests
{
    private static (ReferralRequest? Request, IReadOnlyDictionary<string, string> Errors) Read(CardActionData data)
    {
        var request = ReferralRequest.Read(data, Catalog(), out var errors);
        return (request, errors);
    }

    /// <summary>Reads a form that is valid but for one input, and returns the only error it must show.</summary>
    private static KeyValuePair<string, string> OnlyError(CardActionData data)
    {
        var (request, errors) = Read(data);
        Assert.Null(request);
        return Assert.Single(errors);
    }

    private static KeyValuePair<string, string> Error(string id, string code) => new(id, code);

    [Fact]
    public void A_complete_form_gives_a_request_and_no_errors()
    {
        var (request, errors) = Read(ReferralForm());

        Assert.Empty(errors);
        Assert.NotNull(request);
        Assert.Equal("form-1", request.FormId);
        Assert.Equal("E1", request.EstablishmentId);
        Assert.Equal(("breast", "45-54", "fr", "phone"),
            (request.Profile.CancerType, request.Profile.AgeBand, request.Profile.Language, request.Profile.Modality));
        Assert.Equal("Prefers calls in the afternoon", request.Note);
    }

    [Fact]
    public void Values_are_read_trimmed()
    {
        var (request, _) = Read(ReferralForm() with
        {
            FormId = " form-1 ", PatientCode = "  CHUM-0042\t", EstablishmentId = " E1 ", CancerType = " breast ",
            AgeBand = " 45-54", Language = "fr ", Modality = " phone ", Needs = " emotional , navigational ", Note = "  Afternoons  ",
        });

        Assert.NotNull(request);
        Assert.Equal("form-1", request.FormId);
        Assert.Equal("CHUM-0042", request.PatientCode);
        Assert.Equal("E1", request.EstablishmentId);
        Assert.Equal(("breast", "45-54", "fr", "phone"),
            (request.Profile.CancerType, request.Profile.AgeBand, request.Profile.Language, request.Profile.Modality));
        Assert.Equal(["emotional", "navigational"], request.Profile.Needs);
        Assert.Equal("Afternoons", request.Note);
    }

    [Fact]
    public void The_patient_code_is_stored_upper_case()
    {
        Assert.Equal("CHUM-0042", Read(ReferralForm() with { PatientCode = "chum-0042" }).Request?.PatientCode);
    }

    [Fact]
    public void The_phone_is_stored_as_E164()
    {
        Assert.Equal("+15145551234", Read(ReferralForm() with { Phone = "+1 (514) 555-1234" }).Request?.Phone);
    }

    [Fact]
    public void Needs_are_kept_in_vocabulary_order_without_duplicates()
    {
        var request = Read(ReferralForm() with { Needs = "navigational,emotional,navigational,informational" }).Request;

        Assert.Equal(["emotional", "informational", "navigational"], request?.Profile.Needs);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_note_is_stored_as_none(string? note)
    {
        var (request, errors) = Read(ReferralForm() with { Note = note });

        Assert.Empty(errors);
        Assert.Null(request?.Note);
    }

    [Fact]
    public void An_empty_form_shows_every_required_field_at_once()
    {
        var (request, errors) = Read(new CardActionData());

        Assert.Null(request);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["formId"] = "required",
                ["patientCode"] = "required",
                ["consent"] = "consentRequired",
                ["establishmentId"] = "required",
                ["cancerType"] = "required",
                ["ageBand"] = "required",
                ["language"] = "required",
                ["modality"] = "required",
                ["needs"] = "required",
                ["phone"] = "required",
            },
            errors);
    }

    [Fact]
    public void Every_error_code_is_one_the_cards_can_show()
    {
        var (_, errors) = Read(new CardActionData
        {
            PatientCode = "Jean Untel", EstablishmentId = "E9", CancerType = "lung", Needs = "spiritual",
            Phone = "555-1234", Note = new string('x', ReferralCards.MaxNoteLength + 1),
        });

        Assert.All(errors.Values, code => Assert.Contains(code, Vocabulary.ErrorCodes));
    }

    [Fact]
    public void Several_wrong_inputs_each_get_their_own_error_and_the_rest_is_not_flagged()
    {
        var (request, errors) = Read(ReferralForm() with { PatientCode = "Jean Untel", Consent = "false", Phone = "555" });

        Assert.Null(request);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["patientCode"] = "invalidPatientCode",
                ["consent"] = "consentRequired",
                ["phone"] = "invalidPhone",
            },
            errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_form_id_is_required(string? formId)
    {
        Assert.Equal(Error("formId", "required"), OnlyError(ReferralForm() with { FormId = formId }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void A_missing_patient_code_is_required(string? code)
    {
        Assert.Equal(Error("patientCode", "required"), OnlyError(ReferralForm() with { PatientCode = code }));
    }

    [Theory]
    [InlineData("Jean Untel")]
    [InlineData("Tremblay")]
    [InlineData("Marie-Ève")]
    [InlineData("Jean Untel 2")]
    public void A_name_typed_as_a_patient_code_is_refused(string name)
    {
        Assert.Equal(Error("patientCode", "invalidPatientCode"), OnlyError(ReferralForm() with { PatientCode = name }));
    }

    [Theory]
    [InlineData("A1")]
    [InlineData("CHUM_0042")]
    [InlineData("CHUM/0042")]
    [InlineData("ÉCOLE-1")]
    [InlineData("CHUM-")]
    public void A_patient_code_outside_letters_digits_and_dashes_or_shorter_than_3_is_refused(string code)
    {
        Assert.Equal(Error("patientCode", "invalidPatientCode"), OnlyError(ReferralForm() with { PatientCode = code }));
    }

    [Theory]
    [InlineData("123", "123")]
    [InlineData("p-4821", "P-4821")]
    [InlineData("E2-26-0042", "E2-26-0042")]
    [InlineData("ABCD-12345678901234", "ABCD-12345678901234")]
    public void A_pseudonymous_code_of_3_to_20_characters_is_accepted_upper_cased(string code, string stored)
    {
        Assert.Equal(stored, Read(ReferralForm() with { PatientCode = code }).Request?.PatientCode);
    }

    [Theory]
    [InlineData("TREMBLAY1")]
    [InlineData("marie-tremblay-1958")]
    [InlineData("JEAN-DUPONT-4")]
    [InlineData("ROY-1960")]
    public void A_name_with_a_number_typed_as_a_patient_code_is_refused(string name)
    {
        Assert.Equal(Error("patientCode", "invalidPatientCode"), OnlyError(ReferralForm() with { PatientCode = name }));
    }

    [Fact]
    public void The_chosen_establishment_s_own_pattern_decides_its_codes()
    {
        var catalog = Catalog(e1Pattern: "CHUM-[0-9]{4}");

        Assert.Equal("CHUM-4821", ReferralRequest.Read(ReferralForm() with { PatientCode = "chum-4821" }, catalog, out _)?.PatientCode);
        Assert.Equal("invalidPatientCode", Errors(ReferralForm() with { PatientCode = "QC-7F3K9" }, catalog)["patientCode"]);
        Assert.Equal("QC-7F3K9", ReferralRequest.Read(ReferralForm() with { PatientCode = "QC-7F3K9", EstablishmentId = "E2" }, catalog, out _)?.PatientCode);
    }

    [Fact]
    public void An_establishment_s_pattern_never_lets_an_e_mail_a_phone_or_a_date_through()
    {
        var catalog = Catalog(e1Pattern: ".+");

        Assert.Equal("MARIE-TREMBLAY", ReferralRequest.Read(ReferralForm() with { PatientCode = "Marie-Tremblay" }, catalog, out _)?.PatientCode);
        Assert.All(["m.tremblay@mail.ca", "514 555-0142", "1958-04-12"],
            code => Assert.Equal("invalidPatientCode", Errors(ReferralForm() with { PatientCode = code }, catalog)["patientCode"]));
    }

    private static IReadOnlyDictionary<string, string> Errors(CardActionData data, ParoleOnco.Features.Establishments.EstablishmentCatalog catalog)
    {
        ReferralRequest.Read(data, catalog, out var errors);
        return errors;
    }

    [Fact]
    public void A_patient_code_longer_than_20_is_too_long()
    {
        Assert.Equal(Error("patientCode", "tooLong"), OnlyError(ReferralForm() with { PatientCode = "ABCDEFGHIJKLMNOPQRS12" }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("false")]
    [InlineData("yes")]
    public void Consent_is_required(string? consent)
    {
        Assert.Equal(Error("consent", "consentRequired"), OnlyError(ReferralForm() with { Consent = consent }));
    }

    [Theory]
    [InlineData("establishmentId")]
    [InlineData("cancerType")]
    [InlineData("ageBand")]
    [InlineData("language")]
    [InlineData("modality")]
    [InlineData("needs")]
    [InlineData("phone")]
    public void A_missing_choice_or_phone_is_required(string id)
    {
        Assert.Equal(Error(id, "required"), OnlyError(With(ReferralForm(), id, " ")));
    }

    [Theory]
    [InlineData("establishmentId", "E9")]
    [InlineData("establishmentId", "CHUM")]
    [InlineData("cancerType", "lung")]
    [InlineData("cancerType", "Breast")]
    [InlineData("ageBand", "45-55")]
    [InlineData("language", "french")]
    [InlineData("modality", "email")]
    [InlineData("needs", "emotional,spiritual")]
    public void A_value_outside_the_choices_is_an_invalid_choice(string id, string value)
    {
        Assert.Equal(Error(id, "invalidChoice"), OnlyError(With(ReferralForm(), id, value)));
    }

    [Fact]
    public void Needs_made_only_of_commas_are_required()
    {
        Assert.Equal(Error("needs", "required"), OnlyError(ReferralForm() with { Needs = " , ," }));
    }

    [Theory]
    [InlineData("555-1234")]
    [InlineData("011 33 1 23 45 67 89")]
    [InlineData("514-555-CALL")]
    [InlineData("014-555-1234")]
    public void A_phone_that_is_not_a_North_American_number_is_invalid(string phone)
    {
        Assert.Equal(Error("phone", "invalidPhone"), OnlyError(ReferralForm() with { Phone = phone }));
    }

    [Fact]
    public void A_phone_longer_than_30_characters_is_too_long()
    {
        Assert.Equal(Error("phone", "tooLong"), OnlyError(ReferralForm() with { Phone = "+1 (514) 555-1234      poste 22" }));
    }

    [Fact]
    public void A_note_as_long_as_the_card_allows_is_accepted_and_a_longer_one_is_too_long()
    {
        var longest = new string('x', ReferralCards.MaxNoteLength);

        Assert.Equal(longest, Read(ReferralForm() with { Note = longest }).Request?.Note);
        Assert.Equal(Error("note", "tooLong"), OnlyError(ReferralForm() with { Note = longest + "x" }));
    }

    [Fact]
    public void Referring_to_a_program_the_establishment_does_not_run_is_refused_beside_the_cancer_type()
    {
        // E1 runs the breast program only; E2 runs breast and oncogenetics.
        Assert.Equal(Error("cancerType", "noProgramForCancerType"), OnlyError(ReferralForm() with { CancerType = "hereditary" }));
        Assert.Equal(Error("cancerType", "noProgramForCancerType"), OnlyError(ReferralForm() with { EstablishmentId = "E2", CancerType = "gynecological" }));
    }

    [Fact]
    public void A_cancer_type_of_a_program_the_establishment_runs_is_accepted()
    {
        var (request, errors) = Read(ReferralForm() with { EstablishmentId = "E2", CancerType = "hereditary" });

        Assert.Empty(errors);
        Assert.Equal(("E2", "hereditary"), (request?.EstablishmentId, request?.Profile.CancerType));
    }

    [Fact]
    public void A_cancer_type_no_program_claims_is_taken_by_every_establishment()
    {
        Assert.Empty(Read(ReferralForm() with { CancerType = "other" }).Errors);
        Assert.Empty(Read(ReferralForm() with { EstablishmentId = "E2", CancerType = "other" }).Errors);
    }

    [Fact]
    public void An_unknown_establishment_or_cancer_type_is_an_invalid_choice_not_a_missing_program()
    {
        Assert.Equal(Error("establishmentId", "invalidChoice"), OnlyError(ReferralForm() with { EstablishmentId = "E9", CancerType = "hereditary" }));
        Assert.Equal(Error("cancerType", "invalidChoice"), OnlyError(ReferralForm() with { CancerType = "lung" }));
    }

    private static CardActionData With(CardActionData data, string id, string value) => id switch
    {
        "establishmentId" => data with { EstablishmentId = value },
        "cancerType" => data with { CancerType = value },
        "ageBand" => data with { AgeBand = value },
        "language" => data with { Language = value },
        "modality" => data with { Modality = value },
        "needs" => data with { Needs = value },
        "phone" => data with { Phone = value },
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };
}
