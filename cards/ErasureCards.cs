using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>For admins: erasing a patient's data on their request, confirmed on a card.</summary>
public static class ErasureCards
{
    public static AdaptiveCard Confirm(string patientCode, int referrals, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card(
            [Blocks.Title(t["ErasureTitle"]), Blocks.Typed(patientCode), Blocks.Text(t.Format("ErasureConfirm", referrals))],
            [Blocks.Execute(t["ErasureButton"], CardVerbs.EraseConfirm, new CardActionData { PatientCode = patientCode }, ActionStyle.Destructive)]);
    }

    public static AdaptiveCard Erased(int referrals, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Title(t["ErasureTitle"]), Blocks.Colored(t.Format("ErasureDone", referrals), TextColor.Good)]);
    }

    public static AdaptiveCard NothingUnder(string patientCode, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Title(t["ErasureTitle"]), Blocks.Typed(patientCode), Blocks.Text(t["ErasureNothing"])]);
    }

    public static AdaptiveCard StillOpen(string patientCode, IReadOnlyList<string> openReferrals, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card(
        [
            Blocks.Title(t["ErasureTitle"]),
            Blocks.Typed(patientCode),
            Blocks.Colored(t.Format("ErasureStillOpen", string.Join(", ", openReferrals)), TextColor.Warning),
        ]);
    }
}
