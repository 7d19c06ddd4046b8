using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>The offer of a patient to an AP, the only card with the patient's phone and the clinician's note.</summary>
public static class AssignmentCards
{
    public static AdaptiveCard Offer(AssignmentView assignment, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var r = assignment.Referral;
        var data = new CardActionData { ReferralId = r.Id.ToString() };
        return assignment.Status switch
        {
            AssignmentStatuses.Offered => Blocks.Card(
                [Blocks.Title(t["OfferTitle"]), Blocks.Text(t["OfferIntro"]), .. Details(t, assignment), Blocks.Subtle(t["OfferReminder"])],
                [Blocks.Execute(t["AcceptButton"], CardVerbs.AssignmentAccept, data, ActionStyle.Positive),
                 Blocks.Execute(t["DeclineOfferButton"], CardVerbs.AssignmentDecline, data),
                 Call(t, assignment.Phone)]),
            AssignmentStatuses.Accepted => Blocks.Card(
                [Blocks.Title(t["OfferTitle"]), Answer(t, assignment, TextColor.Good), Blocks.Text(t["OfferAcceptedNext"]), .. Details(t, assignment)],
                [Call(t, assignment.Phone)]),
            // Closed or declined: the phone and the note are no longer the AP's to keep.
            AssignmentStatuses.Closed => Blocks.Card(
                [Blocks.Title(t["OfferTitle"]), Blocks.Colored(t.Label("AssignmentStatus", assignment.Status), null),
                 Blocks.Text(t["OfferClosedNext"]), Blocks.Facts((t["PatientCodeLabel"], r.PatientCode))]),
            // Not answered in time, or never received: nothing to accept any more, and no phone.
            AssignmentStatuses.Expired or AssignmentStatuses.Withdrawn => Blocks.Card(
                [Blocks.Title(t["OfferTitle"]), Answer(t, assignment, TextColor.Warning), Blocks.Text(t["OfferExpiredNext"]),
                 Blocks.Facts((t["PatientCodeLabel"], r.PatientCode))]),
            _ => Blocks.Card(
                [Blocks.Title(t["OfferTitle"]), Answer(t, assignment, null), Blocks.Text(t["OfferDeclinedNext"]),
                 Blocks.Facts((t["PatientCodeLabel"], r.PatientCode))]),
        };
    }

    private static IEnumerable<CardElement> Details(Texts t, AssignmentView a)
    {
        var r = a.Referral;
        yield return Blocks.Facts(
            (t["PatientCodeLabel"], r.PatientCode),
            (t["PhoneLabel"], PhoneDisplay.Text(a.Phone)),
            (t["NeedsLabel"], t.Labels("Need", r.Needs)),
            (t["ModalityLabel"], t.Label("Modality", r.Modality)),
            (t["LanguageLabel"], t.Label("Language", r.Language)),
            (t["CancerTypeLabel"], t.Label("CancerType", r.CancerType)),
            (t["AgeBandLabel"], t.Label("AgeBand", r.AgeBand)),
            (t["EstablishmentLabel"], r.EstablishmentName),
            (t["ReferredByLabel"], r.ReferrerName));
        if (!string.IsNullOrWhiteSpace(a.Note))
        {
            yield return Blocks.Subtle(t["NoteLabel"]);
            yield return Blocks.Typed(a.Note);
        }
    }

    private static TextBlock Answer(Texts t, AssignmentView a, TextColor? color)
    {
        var status = t.Label("AssignmentStatus", a.Status);
        return Blocks.Colored(
            a.AnsweredAt is { } at ? t.Format("AnsweredAt", status, CardDates.Date(at), CardDates.Time(at)) : status,
            color);
    }

    /// <summary>A <c>tel:</c> link opens the phone's dialer (or Teams calling) on the number as dialable digits.</summary>
    internal static ActionOpenUrl Call(Texts t, string phone) => new()
    {
        Title = t.Format("CallButton", PhoneDisplay.Text(phone)),
        Url = PhoneDisplay.TelUrl(phone),
    };
}
