using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>Accompanying patients (APs): registration, profile, coordinators' approval, own patients.</summary>
public static class ApCards
{
    public static AdaptiveCard RegistrationForm(FormView form, CultureInfo culture)
    {
        var t = Texts.For(culture);
        if (FormFields.NoEstablishmentCard(t, "ApRegistrationTitle", form.Establishments) is { } none)
        {
            return none;
        }

        var fields = new FormFields(form, t);
        var v = form.Values;
        InputNumber capacity = new()
        {
            Id = "capacity",
            Label = t["CapacityLabel"],
            IsRequired = true,
            ErrorMessage = t["Error_invalidCapacity"],
            Min = 1,
            Max = 10,
            Value = double.TryParse(v.Capacity, CultureInfo.InvariantCulture, out var n) ? n : null,
            Placeholder = t["CapacityPlaceholder"],
        };
        return Blocks.Card(
        [
            Blocks.Title(t["ApRegistrationTitle"]),
            Blocks.Text(t["ApRegistrationIntro"]),
            .. fields.Summary(),
            .. fields.Field(fields.Establishments(v.EstablishmentId)),
            .. fields.Field(fields.Codes("languages", "ApLanguagesLabel", "Language", Vocabulary.Languages, v.Languages, multi: true)),
            .. fields.Field(fields.Codes("cancerTypes", "ApCancerTypesLabel", "CancerType", Vocabulary.CancerTypes, v.CancerTypes, multi: true)),
            .. fields.Field(fields.Codes("ageBand", "ApAgeBandLabel", "AgeBand", Vocabulary.AgeBands, v.AgeBand)),
            .. fields.Field(fields.Codes("modalities", "ApModalitiesLabel", "Modality", Vocabulary.Modalities, v.Modalities, multi: true)),
            .. fields.Field(capacity),
        ],
        [Blocks.Execute(t["ApRegisterSubmit"], CardVerbs.ApRegister, new CardActionData { FormId = form.FormId }, ActionStyle.Positive)]);
    }

    /// <summary>The AP's own profile, with pause or resume when it applies.</summary>
    public static AdaptiveCard Profile(ApProfileView ap, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var data = new CardActionData { ApId = ap.Id.ToString() };
        CardAction[] actions = ap.Status switch
        {
            ApStatuses.Approved => [Blocks.Execute(t["ApPauseButton"], CardVerbs.ApPause, data)],
            ApStatuses.Paused => [Blocks.Execute(t["ApResumeButton"], CardVerbs.ApResume, data, ActionStyle.Positive)],
            _ => [],
        };
        return Blocks.Card(
        [
            Blocks.Title(t["ApProfileTitle"]),
            Status(t, ap.Status),
            Blocks.Text(t.Label("ApStatusExplanation", ap.Status)),
            .. PauseReasonOf(t, ap),
            ProfileFacts(t, ap),
            .. DecisionOf(t, ap),
        ],
        actions);
    }

    /// <summary>
    /// The AP's profile in the coordinators' channel, posted for approval; once decided it shows who decided, and an
    /// approved AP's offers to thank them when <paramref name="thanks"/> is given.
    /// </summary>
    public static AdaptiveCard ApprovalRequest(ApProfileView ap, CultureInfo culture, ThanksFormView? thanks = null)
    {
        var t = Texts.For(culture);
        var data = new CardActionData { ApId = ap.Id.ToString() };
        var pending = ap.Status == ApStatuses.Pending && ap.Decision is null;
        var thankable = thanks is not null && ap.Status is ApStatuses.Approved or ApStatuses.Paused ? thanks : null;
        CardAction[] actions = pending
            ? [Blocks.Execute(t["ApApproveButton"], CardVerbs.ApApprove, data, ActionStyle.Positive),
               Blocks.Execute(t["ApRejectButton"], CardVerbs.ApReject, data, ActionStyle.Destructive)]
            : thankable is null ? [] : [.. ThanksCards.Actions(t, ap.Name, thankable, data, CardVerbs.ApThank)];
        return Blocks.Card(
        [
            Blocks.Title(t["ApApprovalTitle"]),
            Blocks.Text(t.Format("ApApprovalIntro", ap.Name)),
            ProfileFacts(t, ap),
            Status(t, ap.Status),
            .. PauseReasonOf(t, ap),
            .. DecisionOf(t, ap),
            .. thankable is null ? [] : ThanksCards.Body(t, ap.Name, thankable, data, CardVerbs.ApThank),
        ],
        actions);
    }

    /// <summary>The AP's own patients; the phone shows once the AP has accepted.</summary>
    public static AdaptiveCard PatientList(IReadOnlyList<AssignmentView> assignments, CultureInfo culture)
    {
        var t = Texts.For(culture);
        if (assignments.Count == 0)
        {
            return Blocks.Card([Blocks.Title(t["PatientListTitle"]), Blocks.Text(t["PatientListEmpty"])]);
        }

        return Blocks.Card(
        [
            Blocks.Title(t["PatientListTitle"]),
            .. Blocks.Capped(t, assignments, a => PatientItem(t, a)),
        ]);
    }

    private static Container PatientItem(Texts t, AssignmentView a) => new()
    {
        Separator = true,
        Items =
        [
            Blocks.Heading(t.Format("PatientCodeHeading", a.Referral.PatientCode)),
            Blocks.Subtle(t.Label("AssignmentStatus", a.Status)),
            Blocks.Facts(
                (t["NeedsLabel"], t.Labels("Need", a.Referral.Needs)),
                (t["ModalityLabel"], t.Label("Modality", a.Referral.Modality)),
                (t["LanguageLabel"], t.Label("Language", a.Referral.Language)),
                (t["PhoneLabel"], a.Status == AssignmentStatuses.Accepted ? PhoneDisplay.Text(a.Phone) : null)),
        ],
    };

    private static TextBlock Status(Texts t, string status) => Blocks.Colored(
        t.Label("ApStatus", status),
        status switch
        {
            ApStatuses.Approved => TextColor.Good,
            ApStatuses.Rejected => TextColor.Attention,
            _ => TextColor.Warning,
        });

    private static FactSet ProfileFacts(Texts t, ApProfileView ap) => Blocks.Facts(
        (t["NameLabel"], ap.Name),
        (t["EstablishmentLabel"], ap.EstablishmentName),
        (t["LanguagesLabel"], t.Labels("Language", ap.Languages)),
        (t["CancerTypesLabel"], t.Labels("CancerType", ap.CancerTypes)),
        (t["AgeBandLabel"], t.Label("AgeBand", ap.AgeBand)),
        (t["ModalitiesLabel"], t.Labels("Modality", ap.Modalities)),
        (t["PatientsLabel"], t.Format("PatientsOfCapacity", ap.ActivePatients, ap.Capacity)));

    private static IEnumerable<CardElement> PauseReasonOf(Texts t, ApProfileView ap) =>
        ap.PauseReason is { } reason ? [Blocks.Subtle(t.Label("PauseReason", reason))] : [];

    private static IEnumerable<CardElement> DecisionOf(Texts t, ApProfileView ap) =>
        ap.Decision is null ? [] : Blocks.Decision(t, ap.Status == ApStatuses.Rejected ? "RejectedBy" : "ApprovedBy", ap.Decision);
}
