using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>
/// An AP's impact: APs said they never learn how their work is appreciated. The figures are the program's own,
/// counted for the AP's accompaniments only; thanks show who sent them and their message, never a patient.
/// </summary>
public static class ImpactCards
{
    /// <summary>How many of the latest thanks a card shows.</summary>
    public const int LatestThanks = 3;

    public static AdaptiveCard Show(ImpactView impact, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card(
        [
            Blocks.Title(t["ImpactTitle"]),
            Blocks.Text(t.Format("ImpactActiveNow", impact.ActiveNow)),
            Blocks.Heading(t.Format("ImpactThisMonth", t.Month(impact.Month))),
            Facts(t, impact.ThisMonth),
            Blocks.Heading(t.Format("ImpactSinceStart", t.Month(impact.Since))),
            Facts(t, impact.SinceStart),
            .. Thanks(t, impact.LatestThanks),
        ]);
    }

    /// <summary>On the first of the month, about the month that just ended.</summary>
    public static AdaptiveCard Monthly(MonthlyImpactView impact, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card(
        [
            Blocks.Title(t.Format("ImpactMonthlyTitle", t.Month(impact.Month))),
            Blocks.Text(t["ImpactMonthlyIntro"]),
            Facts(t, impact.Figures),
            .. Thanks(t, impact.LatestThanks),
            Blocks.Subtle(t["ImpactMonthlyMore"]),
        ]);
    }

    /// <summary>To anyone but an approved AP: what <c>impact</c> is for, and who may ask.</summary>
    public static AdaptiveCard ForApprovedAps(CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Title(t["ImpactTitle"]), Blocks.Text(t["ImpactForApprovedAps"])]);
    }

    /// <summary>To an AP who asked in a channel: their impact is shown in their chat with the bot only.</summary>
    public static AdaptiveCard AskInPersonalChat(CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card([Blocks.Title(t["ImpactTitle"]), Blocks.Colored(t["ImpactAskInPersonalChat"], TextColor.Warning)]);
    }

    private static FactSet Facts(Texts t, ImpactFiguresView f) => Blocks.Facts(
        (t["ImpactNewPatients"], f.NewPatients.ToString(CultureInfo.InvariantCulture)),
        (t["ImpactClosed"], f.Closed.ToString(CultureInfo.InvariantCulture)),
        (t["ImpactContacts"], f.Contacts.ToString(CultureInfo.InvariantCulture)),
        (t["ImpactHours"], t.Number(f.ContactMinutes / 60m, "0.#")),
        (t["ImpactSupportTypes"], string.Join(", ", f.SupportTypes.Select(s => $"{t.Label("SupportType", s.Code)} ({s.Count})"))),
        (t["ImpactThanks"], f.Thanks.ToString(CultureInfo.InvariantCulture)));

    private static IEnumerable<CardElement> Thanks(Texts t, IReadOnlyList<ThanksView> thanks)
    {
        if (thanks.Count == 0)
        {
            yield break;
        }

        yield return Blocks.Heading(t["ImpactLatestThanks"]);
        foreach (var each in thanks.Take(LatestThanks))
        {
            yield return Blocks.Subtle(t.Format("ImpactThanksFrom", each.FromName, CardDates.Date(each.At)));
            if (!string.IsNullOrWhiteSpace(each.Message))
            {
                yield return Blocks.Typed(each.Message);
            }
        }
    }
}
