using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>Referrals: the clinician's form and status, the coordinators' card and lists.</summary>
public static partial class ReferralCards
{
    /// <summary>
    /// The referring clinician's card: submitted → matched → accepted → closed, or declined. Once an AP accepted, it
    /// offers to thank them when <paramref name="thanks"/> is given.
    /// </summary>
    public static AdaptiveCard Status(ReferralView referral, CultureInfo culture, ThanksFormView? thanks = null)
    {
        var t = Texts.For(culture);
        var data = new CardActionData { ReferralId = referral.Id.ToString() };
        var thanked = referral.ApName is { } ap && thanks is not null && referral.Status is ReferralStatuses.Accepted or ReferralStatuses.Closed
            ? (Ap: ap, Form: thanks)
            : default;
        return Blocks.Card(
        [
            Blocks.Title(t.Format("ReferralTitle", referral.Number)),
            StatusLine(t, referral.Status),
            Blocks.Text(t.Label("ReferralStatusExplanation", referral.Status)),
            Facts(t, referral),
            Submitted(t, referral),
            .. DecisionOf(t, referral),
            .. thanked.Form is null ? [] : ThanksCards.Body(t, thanked.Ap, thanked.Form, data, CardVerbs.ReferralThank),
        ],
        thanked.Form is null ? null : ThanksCards.Actions(t, thanked.Ap, thanked.Form, data, CardVerbs.ReferralThank));
    }

    /// <summary>The coordinators' list of referrals; the actionable cards are in their channel.</summary>
    public static AdaptiveCard Queue(IReadOnlyList<ReferralView> referrals, CultureInfo culture) =>
        List(referrals, culture, "QueueTitle", "QueueEmpty");

    /// <summary>The referring clinician's list of their own referrals.</summary>
    public static AdaptiveCard ClinicianList(IReadOnlyList<ReferralView> referrals, CultureInfo culture) =>
        List(referrals, culture, "ClinicianListTitle", "ClinicianListEmpty");

    private static AdaptiveCard List(IReadOnlyList<ReferralView> referrals, CultureInfo culture, string titleKey, string emptyKey)
    {
        var t = Texts.For(culture);
        return referrals.Count == 0
            ? Blocks.Card([Blocks.Title(t[titleKey]), Blocks.Text(t[emptyKey])])
            : Blocks.Card([Blocks.Title(t[titleKey]), .. Blocks.Capped(t, referrals, r => ListItem(t, r))]);
    }

    private static Container ListItem(Texts t, ReferralView r) => new()
    {
        Separator = true,
        Items =
        [
            Blocks.Heading(t.Format("ReferralListHeading", r.Number, r.PatientCode)),
            StatusLine(t, r.Status),
            Blocks.Facts(
                (t["EstablishmentLabel"], r.EstablishmentName),
                (t["CancerTypeLabel"], t.Label("CancerType", r.CancerType)),
                (t["NeedsLabel"], t.Labels("Need", r.Needs)),
                (t["ApLabel"], r.ApName)),
            Submitted(t, r),
        ],
    };

    internal static FactSet Facts(Texts t, ReferralView r) => Blocks.Facts(
        (t["PatientCodeLabel"], r.PatientCode),
        (t["EstablishmentLabel"], r.EstablishmentName),
        (t["CancerTypeLabel"], t.Label("CancerType", r.CancerType)),
        (t["AgeBandLabel"], t.Label("AgeBand", r.AgeBand)),
        (t["LanguageLabel"], t.Label("Language", r.Language)),
        (t["ModalityLabel"], t.Label("Modality", r.Modality)),
        (t["NeedsLabel"], t.Labels("Need", r.Needs)),
        (t["ApLabel"], r.ApName));

    internal static TextBlock StatusLine(Texts t, string status) => Blocks.Colored(
        t.Label("ReferralStatus", status),
        status switch
        {
            ReferralStatuses.Accepted => TextColor.Good,
            ReferralStatuses.Declined => TextColor.Attention,
            ReferralStatuses.Closed => null,
            _ => (TextColor?)TextColor.Accent,
        });

    internal static TextBlock Submitted(Texts t, ReferralView r) =>
        Blocks.Subtle(t.Format("SubmittedBy", r.ReferrerName, CardDates.Date(r.SubmittedAt), CardDates.Time(r.SubmittedAt)));

    /// <summary>The coordinators' decision: it still stands once the AP has accepted.</summary>
    internal static IEnumerable<CardElement> DecisionOf(Texts t, ReferralView r) => r.Decision is null
        ? []
        : Blocks.Decision(t, r.Status == ReferralStatuses.Declined ? "DeclinedBy" : "MatchedBy", r.Decision);
}
