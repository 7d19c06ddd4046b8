using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>For admins: what the bot set aside after failing on its side again and again.</summary>
public static class ParkedCards
{
    public static AdaptiveCard List(IReadOnlyList<ParkedItemView> items, CultureInfo culture)
    {
        var t = Texts.For(culture);
        if (items.Count == 0)
        {
            return Blocks.Card([Blocks.Title(t["ParkedTitle"]), Blocks.Colored(t["ParkedEmpty"], TextColor.Good)]);
        }

        return Blocks.Card(
        [
            Blocks.Title(t["ParkedTitle"]),
            Blocks.Text(t.Format("ParkedIntro", items.Count)),
            .. Blocks.Capped(t, items, item => Item(t, item)),
        ]);
    }

    private static Container Item(Texts t, ParkedItemView item) => new()
    {
        Separator = true,
        Items =
        [
            Blocks.Heading(t.Label("ParkedKind", item.Kind)),
            Blocks.Facts(
                (t["ParkedReferenceLabel"], item.Reference),
                (t["ParkedFailuresLabel"], item.Failures.ToString(CultureInfo.InvariantCulture)),
                (t["ParkedErrorLabel"], item.Error),
                (t["ParkedSinceLabel"], CardDates.DateAndTime(t, item.Since))),
        ],
    };
}
