using ParoleOnco.Cards.Model;

namespace ParoleOnco.Features.Conversations;

/// <summary>
/// A card to show <paramref name="To"/>. The <paramref name="Key"/> names the message the card lives in
/// (for example a referral's card in the coordinators' channel): the first delivery posts it, later ones
/// update that same message in place, so everyone sees its current state. <paramref name="EstablishmentId"/> names
/// the coordinators to tell if the card can never be delivered.
/// </summary>
public sealed record CardDelivery(Recipient To, string Key, AdaptiveCard Card, string? EstablishmentId = null);
