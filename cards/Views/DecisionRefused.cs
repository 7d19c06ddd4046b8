namespace ParoleOnco.Cards;

/// <summary>Why a coordinator's decision did not go through; the card they get back says so, above the referral.</summary>
public enum DecisionRefused
{
    /// <summary>The AP picked has filled up, paused or been offered this patient since the card was drawn.</summary>
    PickNoLongerOnOffer,

    /// <summary>A decline needs a reason the clinician will read.</summary>
    ReasonMissing,
}
