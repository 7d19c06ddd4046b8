using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

public static partial class ReferralCards
{
    /// <summary>The clinician's referral form; on errors, shown again with what was typed and each error under its input.</summary>
    public static AdaptiveCard Form(FormView form, CultureInfo culture)
    {
        var t = Texts.For(culture);
        if (FormFields.NoEstablishmentCard(t, "ReferralFormTitle", form.Establishments) is { } none)
        {
            return none;
        }

        // One establishment picker, one cancer type choice set: a card cannot narrow one input's choices by another's
        // value without a round trip to the bot. So the form offers the cancer types of every establishment listed
        // (the view's), and the bot refuses on submit a type the chosen establishment runs no program for, with the
        // error beside the cancer type and everything typed kept.
        var fields = new FormFields(form, t);
        var v = form.Values;
        InputText patientCode = new()
        {
            Id = "patientCode",
            Label = t["PatientCodeLabel"],
            Placeholder = t["PatientCodePlaceholder"],
            IsRequired = true,
            ErrorMessage = t["Error_required"],
            Value = v.PatientCode,
        };
        InputToggle consent = new()
        {
            Id = "consent",
            Label = t["ConsentLabel"],
            Title = t["ConsentTitle"],
            ValueOn = "true",
            ValueOff = "false",
            Value = v.Consent,
            IsRequired = true,
            ErrorMessage = t["Error_consentRequired"],
            Wrap = true,
        };
        InputText phone = new()
        {
            Id = "phone",
            Label = t["PhoneInputLabel"],
            Placeholder = t["PhonePlaceholder"],
            Style = TextInputStyle.Tel,
            IsRequired = true,
            ErrorMessage = t["Error_required"],
            Value = v.Phone,
        };
        InputText note = new()
        {
            Id = "note",
            Label = t["NoteInputLabel"],
            Placeholder = t["NotePlaceholder"],
            IsMultiline = true,
            MaxLength = MaxNoteLength,
            Value = v.Note,
        };
        return Blocks.Card(
        [
            Blocks.Title(t["ReferralFormTitle"]),
            Blocks.Text(t["ReferralFormIntro"]),
            .. fields.Summary(),
            .. fields.Field(patientCode),
            .. fields.Field(consent),
            .. fields.Field(fields.Establishments(v.EstablishmentId)),
            .. fields.Field(fields.Codes("cancerType", "CancerTypeLabel", "CancerType", form.CancerTypes ?? Vocabulary.CancerTypes, v.CancerType)),
            .. fields.Field(fields.Codes("ageBand", "AgeBandLabel", "AgeBand", Vocabulary.AgeBands, v.AgeBand)),
            .. fields.Field(fields.Codes("language", "LanguageLabel", "Language", Vocabulary.Languages, v.Language)),
            .. fields.Field(fields.Codes("modality", "ModalityLabel", "Modality", Vocabulary.Modalities, v.Modality)),
            .. fields.Field(fields.Codes("needs", "NeedsLabel", "Need", Vocabulary.Needs, v.Needs, multi: true)),
            .. fields.Field(phone),
            .. fields.Field(note),
        ],
        [Blocks.Execute(t["ReferralSubmit"], CardVerbs.ReferralSubmit, new CardActionData { FormId = form.FormId }, ActionStyle.Positive)]);
    }

    /// <summary>The note input's limit; the bot may check it too (error code <c>tooLong</c>).</summary>
    public const int MaxNoteLength = 1000;
}
