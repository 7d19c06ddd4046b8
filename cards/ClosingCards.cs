using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>The end of an accompaniment, told to the referring clinician and the coordinators.</summary>
public static class ClosingCards
{
    public static AdaptiveCard Closed(ClosingView closing, CultureInfo culture)
    {
        var t = Texts.For(culture);
        var r = closing.Referral;
        return Blocks.Card(
        [
            Blocks.Title(t.Format("ClosedTitle", r.PatientCode)),
            Blocks.Text(t.Format("ClosedText", r.PatientCode, closing.ApName)),
            Blocks.Facts(
                (t["ReferralLabel"], r.Number),
                (t["PatientCodeLabel"], r.PatientCode),
                (t["ApLabel"], closing.ApName),
                (t["OutcomeFact"], t.Label("Outcome", closing.Outcome)),
                (t["SatisfactionFact"], closing.Satisfaction is { } s ? $"{s}/5" : null),
                (t["EntriesLabel"], closing.Entries.ToString(CultureInfo.InvariantCulture)),
                (t["EndedLabel"], CardDates.DateAndTime(t, closing.ClosedAt))),
        ]);
    }
}
