using System.Text.RegularExpressions;
using ParoleOnco.Cards;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Forms;

namespace ParoleOnco.Features.Referrals;

/// <summary>A valid referral form, read from the card's inputs.</summary>
public sealed partial record ReferralRequest(
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
        var patientCode = form.Required("patientCode", data.PatientCode, maxLength: 20).ToUpperInvariant();
        if (patientCode.Length > 0)
        {
            form.Check("patientCode", PatientCodePattern().IsMatch(patientCode), "invalidPatientCode");
        }

        form.Check("consent", data.Consent == "true", "consentRequired");
        var establishmentId = form.Choice("establishmentId", data.EstablishmentId, [.. establishments.All.Select(e => e.Id)]);
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

    // A pseudonymous code: letters, digits and dashes with at least one digit, so a name cannot pass for one.
    [GeneratedRegex("^(?=.*[0-9])[A-Z0-9-]{3,20}$")]
    private static partial Regex PatientCodePattern();
}
