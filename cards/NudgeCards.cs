using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>How many APs can take a patient now in one establishment a clinician refers to.</summary>
public sealed record AvailableApsView(string Establishment, int Aps);

/// <summary>The reminder to refer: clinicians forget the program exists; a monthly digest keeps it in mind.</summary>
public static class NudgeCards
{
    /// <param name="thanks">Thanks the APs of the clinician's patients received in the last month.</param>
    public static AdaptiveCard Digest(IReadOnlyList<AvailableApsView> establishments, int thanks, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card(
        [
            Blocks.Title(t["NudgeTitle"]),
            .. establishments.Select(e => Blocks.Text(t.Format(e.Aps == 1 ? "NudgeAvailableOne" : "NudgeAvailable", e.Aps, e.Establishment))),
            .. thanks > 0 ? [Blocks.Text(t.Format(thanks == 1 ? "NudgeThanksOne" : "NudgeThanks", thanks))] : Array.Empty<CardElement>(),
            Blocks.Subtle(t["NudgeWhatAnApIs"]),
        ],
        [
            Blocks.Execute(t["NudgeRefer"], CardVerbs.ReferralOpen, new CardActionData(), ActionStyle.Positive),
            Blocks.Execute(t["NudgeOptOut"], CardVerbs.NudgesOptOut, new CardActionData()),
        ]);
    }

    public static AdaptiveCard OptedOut(CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Title(t["NudgeTitle"]), Blocks.Text(t["NudgeOptedOut"])]);
    }

    public static AdaptiveCard OptedIn(CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Title(t["NudgeTitle"]), Blocks.Text(t["NudgeOptedIn"])]);
    }
}
