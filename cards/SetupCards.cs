using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>Binding a Teams channel to the establishment whose coordinators work in it.</summary>
public static class SetupCards
{
    public static AdaptiveCard ChooseEstablishment(IReadOnlyList<EstablishmentOption> establishments, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return FormFields.NoEstablishmentCard(t, "SetupTitle", establishments) ?? Blocks.Card(
            [Blocks.Title(t["SetupTitle"]), Blocks.Text(t["SetupIntro"]), FormFields.EstablishmentChoice(t, establishments, null)],
            [Blocks.Execute(t["SetupSubmit"], CardVerbs.SetupCoordinatorChannel, new CardActionData(), ActionStyle.Positive)]);
    }

    public static AdaptiveCard Bound(EstablishmentOption establishment, DecisionView decision, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card(
        [
            Blocks.Title(t["SetupTitle"]),
            Blocks.Colored(t.Format("SetupBound", establishment.Name), TextColor.Good),
            Blocks.Text(t["SetupBoundExplanation"]),
            .. Blocks.Decision(t, "SetupBoundBy", decision),
        ]);
    }
}
