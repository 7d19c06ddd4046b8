using ParoleOnco.Cards;

namespace ParoleOnco.Tests.Cards;

/// <summary>The community of practice: the tip form in every state, and a tip in the community channel.</summary>
internal static partial class CardSamples
{
    public const string TipText = "Au premier appel, j'annonce combien de temps il durera : la personne se détend.";

    public static TipFormView TipForm(TipRefusal? refusal = null, string? text = null) => new("tip-form-1", text ?? (refusal is null ? null : TipText), refusal);

    public static TipView Tip(DecisionView? hidden = null) =>
        new("6f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f", "Louise", "CHUM", hidden is null ? TipText : null, At, hidden);
}
