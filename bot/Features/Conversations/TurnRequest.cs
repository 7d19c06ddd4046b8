using ParoleOnco.Cards;
using ParoleOnco.Cards.Model;

namespace ParoleOnco.Features.Conversations;

/// <summary>A command typed or a card action clicked, free of any Bot Framework type.</summary>
public sealed record TurnRequest(Caller Caller, Place Place, CardActionData Data, string? Text = null);

/// <summary>
/// What a turn produces: the card answering the caller (for an action, it replaces the clicked card),
/// the cards other people get, and, when the answer must follow later changes, the key to remember it by.
/// </summary>
public sealed record TurnResult(AdaptiveCard Reply, IReadOnlyList<CardDelivery> Deliveries, string? ReplyKey = null)
{
    public static TurnResult Show(AdaptiveCard card) => new(card, []);
}
