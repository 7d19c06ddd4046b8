using ParoleOnco.Cards;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Forms;
using Codes = ParoleOnco.Features.Referrals.PatientCode;

namespace ParoleOnco.Features.Referrals;

/// <summary>A valid referral form, read from the card's inputs.</summary>
public sealed record ReferralRequest(
    string FormId,
    string PatientCode,
    string EstablishmentId,
    ReferralProfile Profile,
    string Phone,
    string? Note)
{
    public const int NoteMaxLength = ReferralCards.MaxNoteLength;

    /// <summary>Returns the request, or null with the errors to show beside the fields.</summary>
    public static ReferralRequest? Read(CardActionData data, EstablishmentCatalog establishments, out IReadOnlyDictionary<string, string> errors)
    {
        var form = new FormReader();
        var formId = form.Required("formId", data.FormId);
        var establishmentId = form.Choice("establishmentId", data.EstablishmentId, [.. establishments.All.Select(e => e.Id)]);
        var patientCode = ReadPatientCode(form, data.PatientCode, establishments.Find(establishmentId));
        form.Check("consent", data.Consent == "true", "consentRequired");
        var profile = new ReferralProfile(
            form.Choice("cancerType", data.CancerType, Vocabulary.CancerTypes),
            form.Choice("ageBand", data.AgeBand, Vocabulary.AgeBands),
            form.Choice("language", data.Language, Vocabulary.Languages),
            form.Choice("modality", data.Modality, Vocabulary.Modalities),
            form.Choices("needs", data.Needs, Vocabulary.Needs));
        CheckProgram(form, establishments.Find(establishmentId), profile.CancerType);
        var phone = ReadPhone(form, data.Phone);
        var note = form.Optional("note", data.Note, NoteMaxLength);

        errors = form.Errors;
        return form.IsValid ? new ReferralRequest(formId, patientCode, establishmentId, profile, phone, note) : null;
    }

    /// <summary>
    /// The form offers every cancer type some establishment takes (see <see cref="ReferralCards.Form"/>): the chosen
    /// establishment must run a program for this one. Checked once both choices are valid, beside the cancer type.
    /// </summary>
    private static void CheckProgram(FormReader form, Establishment? establishment, string cancerType)
    {
        if (establishment is not null && !form.Errors.ContainsKey("cancerType"))
        {
            form.Check("cancerType", establishment.CancerTypes.Contains(cancerType), "noProgramForCancerType");
        }
    }

    /// <summary>Checked against the chosen establishment's pattern, or the default rule while none is chosen.</summary>
    private static string ReadPatientCode(FormReader form, string? text, Establishment? establishment)
    {
        var code = form.Required("patientCode", text, maxLength: Codes.MaxLength).ToUpperInvariant();
        if (code.Length > 0)
        {
            form.Check("patientCode", Codes.IsValid(code, establishment?.PatientCodePattern), "invalidPatientCode");
        }

        return code;
    }

    private static string ReadPhone(FormReader form, string? text)
    {
        if (form.Required("phone", text, maxLength: 30).Length == 0)
        {
            return "";
        }

        if (PhoneNumber.TryNormalize(text, out var phone))
        {
            return phone;
        }

        form.Fail("phone", "invalidPhone");
        return "";
    }
}
