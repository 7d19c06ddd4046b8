using System.Globalization;
using ParoleOnco.Cards.Building;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Cards;

/// <summary>Binding a Teams channel to the establishment whose coordinators work in it, or to the community of practice.</summary>
public static class SetupCards
{
    public static AdaptiveCard ChooseEstablishment(IReadOnlyList<EstablishmentOption> establishments, CultureInfo culture)
    {
        var t = Texts.For(culture);
        CardElement[] community = [Blocks.Heading(t["SetupCommunityTitle"]), Blocks.Text(t["SetupCommunityIntro"])];

        // The community needs no establishment: its button neither sends nor validates the choice.
        var bindCommunity = Blocks.Execute(t["SetupCommunitySubmit"], CardVerbs.SetupCommunityChannel, new CardActionData()) with
        {
            AssociatedInputs = AssociatedInputs.None,
        };
        if (establishments.Count == 0)
        {
            return Blocks.Card([Blocks.Title(t["SetupTitle"]), Blocks.Text(t["NoEstablishment"]), .. community], [bindCommunity]);
        }

        return Blocks.Card(
            [Blocks.Title(t["SetupTitle"]), Blocks.Text(t["SetupIntro"]), FormFields.EstablishmentChoice(t, establishments, null), .. community],
            [Blocks.Execute(t["SetupSubmit"], CardVerbs.SetupCoordinatorChannel, new CardActionData(), ActionStyle.Positive), bindCommunity]);
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

    /// <param name="moved">The community was in another channel until now.</param>
    public static AdaptiveCard CommunityBound(DecisionView decision, bool moved, CultureInfo culture)
    {
        var t = Texts.For(culture);
        return Blocks.Card(
        [
            Blocks.Title(t["SetupCommunityTitle"]),
            Blocks.Colored(t["SetupCommunityBound"], TextColor.Good),
            .. moved ? [Blocks.Text(t["SetupCommunityMoved"])] : Array.Empty<CardElement>(),
            Blocks.Text(t["SetupCommunityRebind"]),
            .. Blocks.Decision(t, "SetupBoundBy", decision),
        ]);
    }
}
