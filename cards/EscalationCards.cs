using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>What an AP learnt that may change the medical course, posted at once in the coordinators' channel.</summary>
public static class EscalationCards
{
    /// <summary>
    /// The alert: patient code, referral, AP, when, and the AP's words; never the phone. Until a coordinator
    /// acknowledges it, it offers to; then it shows who did and when, with no button left.
    /// </summary>
    public static AdaptiveCard Alert(EscalationView escalation, CultureInfo culture)
    {
        var t = Texts.For(culture);
        IEnumerable<CardElement> reannounced = escalation.Announcement > 1
            ? [Blocks.Colored(t.Format("EscalationReannounced", escalation.Announcement), escalation.Acknowledged is null ? TextColor.Warning : null)]
            : [];
        IEnumerable<CardElement> body =
        [
            Blocks.Title(t.Format("EscalationTitle", escalation.PatientCode)) with { Color = TextColor.Attention },
            .. reannounced,
            Blocks.Text(t.Format("EscalationIntro", escalation.ApName)),
            Blocks.Facts(
                (t["ReferralLabel"], escalation.ReferralNumber),
                (t["PatientCodeLabel"], escalation.PatientCode),
                (t["ApLabel"], escalation.ApName),
                (t["RaisedAtLabel"], CardDates.DateAndTime(t, escalation.RaisedAt))),
            Blocks.Subtle(t["EscalationReasonLabel"]),
            Blocks.Typed(escalation.Reason),
        ];
        if (escalation.Acknowledged is { } ack)
        {
            return Blocks.Card(
            [
                .. body,
                Blocks.Colored(t.Format("AcknowledgedBy", ack.By, CardDates.Date(ack.At), CardDates.Time(ack.At)), TextColor.Good)
                    with { Spacing = Spacing.Medium },
            ]);
        }

        return Blocks.Card(
            body,
            [Blocks.Execute(t["AcknowledgeButton"], CardVerbs.EscalationAcknowledge,
                new CardActionData { EscalationId = escalation.Id.ToString() }, ActionStyle.Positive)]);
    }
}
