using ParoleOnco.Cards;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Features.Conversations;

/// <summary>A command typed or a card action clicked, free of any Bot Framework type.</summary>
public sealed record TurnRequest(Caller Caller, Place Place, CardActionData Data, string? Text = null)
{
    /// <summary>The word typed after the command's (<c>file CODE</c>, <c>audit CODE</c>), or null.</summary>
    public string? Argument => (Text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
}

/// <summary>
/// What a turn produces: the card answering the caller (for an action, it replaces the clicked card),
/// the cards other people get, and, when the answer must follow later changes, the key to remember it by.
/// </summary>
public sealed record TurnResult(AdaptiveCard Reply, IReadOnlyList<CardDelivery> Deliveries, string? ReplyKey = null)
{
    /// <summary>Why the caller was refused (one of <see cref="Refusals"/>): the turn is audited as refused.</summary>
    public string? Refused { get; init; }

    public static TurnResult Show(AdaptiveCard card) => new(card, []);

    /// <summary>A refusal that reveals nothing to the caller; the audit trail keeps why.</summary>
    public static TurnResult NotAllowed(System.Globalization.CultureInfo culture, string why) =>
        new(NoticeCards.NotAllowed(culture), []) { Refused = why };
}

/// <summary>Why a turn was refused, as the audit trail records it.</summary>
public static class Refusals
{
    public const string WrongPlace = "wrongPlace";
    public const string NotCoordinator = "notCoordinator";
    public const string NotApprovedAp = "notApprovedAp";
    public const string NotClinician = "notClinician";
    public const string NotTheirs = "notTheirs";
    public const string NotAdmin = "notAdmin";
    public const string ReferralClosed = "referralClosed";
}
